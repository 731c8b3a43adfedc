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

describe('a line of bold or blurred text whose strokes run together', () => {
  /** A 600 px (144 pt) horizontal run 3 px thick at row 150, crossed by 8 px strokes every `step` px from 20 px above to 20 px below. */
  function strokedRun(step: number, above = true, below = true): Uint8Array {
    const bin = dashes([[400, 1000]], 150, 3400, 300);
    for (let s = 400; s < 1000; s += step)
      for (let x = s; x < s + 8; x++)
        for (let y = above ? 130 : 150; y < (below ? 173 : 153); y++) bin[y * 3400 + x] = 1;
    return bin;
  }
  const across = (bin: Uint8Array) => detectImageLines(bin, 3400, 300, SCALE).filter((r) => r.orientation === 'h' && r.to - r.from > 100);

  it('is no rule: ink stands on both sides of it along most of its length', () => {
    expect(across(strokedRun(14))).toEqual([]);
  });

  it('leaves a rule with text touching it on one side, and a rule crossed here and there', () => {
    expect(across(strokedRun(14, true, false))).toHaveLength(1);
    expect(across(strokedRun(60))).toHaveLength(1);
  });
});

describe('a hairline rule slanting a pixel', () => {
  /** The column rules found on an 800 × 400 page inked 1 px wide: column 500 over rows `first`, column 501 over rows `then`. */
  function columnRules(first: [number, number], then: [number, number]) {
    const [width, height] = [800, 400];
    const bin = new Uint8Array(width * height);
    for (let y = first[0]; y < first[1]; y++) bin[y * width + 500] = 1;
    for (let y = then[0]; y < then[1]; y++) bin[y * width + 501] = 1;
    return detectImageLines(bin, width, height, SCALE).filter((r) => r.orientation === 'v');
  }

  it('is found whole where its last stretch steps into the next column', () => {
    // rows 200..228 in the next column: 28 px, too short for a line alone
    const v = columnRules([100, 200], [200, 228]);
    expect(v).toHaveLength(1);
    expect(v[0]!.from).toBeCloseTo(100 / SCALE, 0);
    expect(v[0]!.to).toBeCloseTo(228 / SCALE, 0);
  });

  it('is not carried on by a stroke that begins away from its end', () => {
    expect(columnRules([100, 200], [210, 238]).map((r) => Math.round(r.to * SCALE))).toEqual([200]);
  });
});

describe('lines found a word of pixels at a time', () => {
  it('are the lines found a pixel at a time (the image not aligned for words), on a page of rules, dashes, text and specks', () => {
    const [width, height] = [1203, 901];
    // one byte before the image: a view of it at an odd offset is read a pixel at a time
    const bytes = new Uint8Array(width * height + 1);
    const bin = bytes.subarray(0, width * height);
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const ink = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && (bin[y * width + x] = 1);
    for (let k = 0; k < 12; k++) for (let x = 40; x < 1150; x++) for (let t = 0; t < 3; t++) ink(x + (k % 3), 50 + k * 70 + t + Math.floor(x / 400));
    for (let k = 0; k < 8; k++) for (let y = 30; y < 880; y++) for (let t = 0; t < 2 + (k % 3); t++) ink(60 + k * 140 + t + Math.floor(y / 500), y);
    for (let x = 100; x < 1100; x += 47) for (let d = 0; d < 30; d++) ink(x + d, 870);
    for (let k = 0; k < 20000; k++) ink(Math.floor(rnd() * width), Math.floor(rnd() * height));
    const page = bin.slice();
    // the same pixels one byte on (over the first view's)
    const unaligned = new Uint8Array(bytes.buffer, 1, width * height);
    unaligned.set(page);
    const words = detectImageLines(page, width, height, SCALE);
    expect(words.length).toBeGreaterThan(15);
    expect(detectImageLines(unaligned, width, height, SCALE)).toEqual(words);
  });
});
