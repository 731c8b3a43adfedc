import { describe, expect, it } from 'vitest';
import { keptSpan, withoutSpecks } from './trim-specks.ts';

const SCALE = 300 / 72;

/** A binary cell image: glyph blocks and specks as [x0, y0, x1, y1] in pixels, inked. */
function cell(width: number, height: number, blocks: Array<[number, number, number, number]>): Uint8Array {
  const bin = new Uint8Array(width * height);
  for (const [x0, y0, x1, y1] of blocks) for (let y = y0; y < y1; y++) bin.fill(1, y * width + x0, y * width + x1);
  return bin;
}

describe('withoutSpecks', () => {
  it('drops a seal\'s dots far left of the digits and a dot above them', () => {
    // digits 426.00 at 800–930, 40 px tall; three dots of 2×2 px at 0, 70 and 120; one above the digits
    const glyphs: Array<[number, number, number, number]> = [800, 830, 860, 890, 905, 920].map((x) => [x, 30, x + 14, 70]);
    const bin = cell(1000, 100, [...glyphs, [0, 50, 2, 52], [70, 40, 72, 42], [120, 60, 122, 62], [850, 0, 852, 2]]);
    expect(withoutSpecks(bin, 1000, { x0: 0, y0: 0, x1: 934, y1: 70 }, SCALE)).toEqual({ x0: 800, y0: 30, x1: 934, y1: 70 });
  });

  it('keeps a decimal point, a lone dash and small glyphs set close', () => {
    // 0.00 with the point a small group between the digits; a dash alone
    const bin = cell(300, 60, [[10, 10, 24, 50], [30, 45, 34, 49], [40, 10, 54, 50], [58, 10, 72, 50]]);
    expect(withoutSpecks(bin, 300, { x0: 10, y0: 10, x1: 72, y1: 50 }, SCALE)).toEqual({ x0: 10, y0: 10, x1: 72, y1: 50 });
    const dash = cell(100, 60, [[40, 28, 46, 31]]);
    expect(withoutSpecks(dash, 100, { x0: 40, y0: 28, x1: 46, y1: 31 }, SCALE)).toEqual({ x0: 40, y0: 28, x1: 46, y1: 31 });
  });

  it('keeps a small group with more ink than a speck, however far', () => {
    expect(keptSpan([0, 30, 30, 0, ...new Array<number>(40).fill(0), 200, 200], 8, 25)).toEqual([1, 46]);
    expect(keptSpan([0, 3, 3, 0, ...new Array<number>(40).fill(0), 200, 200], 8, 25)).toEqual([44, 46]);
  });
});

describe('withoutSpecks on a faxed label', () => {
  it('keeps the broken strokes of 一、 before the characters', () => {
    // three fragments of a thin 一 (6 px of ink each), 、 and the characters, 10–14 px apart
    const bin = cell(400, 60, [[0, 30, 6, 31], [16, 30, 22, 31], [34, 38, 38, 42], [52, 10, 92, 50], [100, 10, 140, 50]]);
    expect(withoutSpecks(bin, 400, { x0: 0, y0: 10, x1: 140, y1: 50 }, SCALE)).toEqual({ x0: 0, y0: 10, x1: 140, y1: 50 });
  });
});
