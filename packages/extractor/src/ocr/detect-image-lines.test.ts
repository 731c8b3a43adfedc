import { describe, expect, it } from 'vitest';
import { detectImageLines } from './detect-image-lines.ts';

const SCALE = 300 / 72;

/** A black-and-white page with a row of dashes: `pieces` [from, to) pixel runs, 3 px thick at row `y`. */
function dashes(pieces: Array<[number, number]>, y = 100, width = 3400, height = 300): Uint8Array {
  const bin = new Uint8Array(width * height);
  for (const [a, b] of pieces) for (let t = 0; t < 3; t++) for (let x = a; x < b; x++) bin[(y + t) * width + x] = 1;
  return bin;
}

describe('a table line broken into dashes (a hairline through a fax’s threshold)', () => {
  it('is found whole from its first dash to its last', () => {
    // 3000 px (720 pt) of rule in 40 px pieces 12 px apart: no piece is long enough to be a line on its own
    const pieces: Array<[number, number]> = [];
    for (let x = 200; x < 3200; x += 52) pieces.push([x, Math.min(3200, x + 40)]);
    const h = detectImageLines(dashes(pieces), 3400, 300, SCALE).filter((r) => r.orientation === 'h');
    expect(h).toHaveLength(1);
    expect(h[0]!.from).toBeCloseTo(200 / SCALE, 0);
    expect(h[0]!.to).toBeCloseTo(3200 / SCALE, 0);
    expect(h[0]!.at).toBeCloseTo(101.5 / SCALE, 1);
  });

  it('is not made of a few strokes of a title’s characters in a row', () => {
    // three strokes of 60 px (14 pt) 16 px apart: 212 px, shorter than any dashed line taken
    const h = detectImageLines(dashes([[400, 460], [476, 536], [552, 612]]), 3400, 300, SCALE).filter((r) => r.orientation === 'h');
    expect(h).toEqual([]);
  });
});
