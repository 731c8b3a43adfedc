import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../pdf/render-page.ts';
import { binarize } from './image-ops.ts';
import { DocumentDigits } from './document-digits.ts';
import { cellGlyphs, glyphSlots, pageSamples, readGlyphs, templatesOf } from './digit-templates.ts';

/** A 5 × 7 pixel font: digits, and a point and a comma at the foot of the line. */
const FONT: Record<string, string[]> = {
  '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
  '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
  '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
  '3': ['11111', '00010', '00100', '00010', '00001', '10001', '01110'],
  '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
  '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
  '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
  '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
  '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
  '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
  '.': ['00000', '00000', '00000', '00000', '00000', '01100', '01100'],
  ',': ['00000', '00000', '00000', '00000', '00000', '01100', '00100'],
  // no digit: a glyph of other type
  x: ['11111', '11111', '00000', '00000', '00000', '00000', '00000'],
};
const PX = 4; // each font pixel drawn 4 × 4
const ADVANCE = 7 * PX; // digits and marks alike (a Song face prints both a digit wide)

/** A page with one amount a row, right-aligned; `spoil` takes ink off a row's glyphs (a fax's lost strokes). */
function page(rows: string[], spoil: (row: number, ch: string, fx: number, fy: number) => boolean = () => false): { img: GrayImage; rects: Array<{ x0: number; y0: number; x1: number; y1: number }> } {
  const width = 400;
  const height = rows.length * 50 + 20;
  const data = new Uint8Array(width * height).fill(245);
  const rects = rows.map((text, r) => {
    const top = 20 + r * 50;
    const right = 360;
    [...text].forEach((ch, k) => {
      const left = right - (text.length - k) * ADVANCE;
      FONT[ch]!.forEach((line, fy) =>
        [...line].forEach((bit, fx) => {
          if (bit !== '1' || spoil(r, ch, fx, fy)) return;
          for (let y = 0; y < PX; y++) for (let x = 0; x < PX; x++) data[(top + fy * PX + y) * width + left + fx * PX + x] = 30;
        }),
      );
    });
    return { x0: right - text.length * ADVANCE - 6, y0: top - 6, x1: right + 6, y1: top + 7 * PX + 6 };
  });
  return { img: { width, height, data, scale: 200 / 72 }, rects };
}

const KNOWN = ['1,234.56', '7,890.12', '345.67', '89.01', '2,468.09', '13,579.24', '60.80', '4,321.09', '5,678.34', '987.65'];

describe("a page's own digits", () => {
  it('finds a cell’s glyphs: digits, and the marks at the foot of the line', () => {
    const { img, rects } = page(['1,234.56']);
    const found = glyphSlots(binarize(img, 128), img.width, rects[0]!)!;
    expect(found.slots).toHaveLength(8);
  });

  it('learns each digit from the amounts known read right, and reads an amount by them', () => {
    const { img, rects } = page([...KNOWN, '9,024.71']);
    const bin = binarize(img, 128);
    const learned = pageSamples(img, bin, KNOWN.map((text, k) => ({ rect: rects[k]!, text })))!;
    expect(learned.spacing.pitch).toBeCloseTo(ADVANCE, 0);
    expect(learned.spacing.height).toBe(7 * PX);
    const digits = templatesOf(learned.samples)!;
    expect(readGlyphs(cellGlyphs(img, bin, rects[KNOWN.length]!, learned.spacing)!, digits)?.text).toBe('9,024.71');
  });

  it('reads a 4 that lost its slant and the left of its bar as a 4, where it stands, not the 1 it looks like', () => {
    // the 4's slant and left bar gone: a stem with a stub of bar, as a fax leaves it
    const lost = (row: number, ch: string, fx: number, fy: number) => row === KNOWN.length && ch === '4' && fx < 3;
    const { img, rects } = page([...KNOWN, '468.37'], lost);
    const digits = new DocumentDigits<string>();
    digits.addPage(img, { bin: binarize(img, 128), threshold: 128 }, KNOWN.map((text, k) => ({ rect: rects[k]!, text })), [{ key: 'spoilt', rect: rects[KNOWN.length]! }]);
    const seen = digits.read().get('spoilt')!;
    expect(seen.text).toBe('468.37');
    // each glyph's likeness to 0–9, a mark's none: the spoilt 4 likest a 4 still
    expect(seen.likeness.map((l) => (l ? l.indexOf(Math.max(...l)) : '.'))).toEqual([4, 6, 8, '.', 3, 7]);
  });

  it('reads nothing where a glyph is like no digit learned', () => {
    const { img, rects } = page([...KNOWN, '12x.45']);
    const digits = new DocumentDigits<string>();
    digits.addPage(img, { bin: binarize(img, 128), threshold: 128 }, KNOWN.map((text, k) => ({ rect: rects[k]!, text })), [{ key: 'other', rect: rects[KNOWN.length]! }]);
    const seen = digits.read().get('other')!;
    expect(seen.text).toBeNull();
    expect(Math.max(...seen.likeness[2]!)).toBeLessThan(Math.max(...seen.likeness[0]!));
  });

  it('reads nothing where the known amounts leave a digit unseen', () => {
    const { img, rects } = page(['1,111.11', '222.22', '33.33', '2,468.09']);
    const digits = new DocumentDigits<string>();
    digits.addPage(img, { bin: binarize(img, 128), threshold: 128 }, ['1,111.11', '222.22', '33.33'].map((text, k) => ({ rect: rects[k]!, text })), [{ key: 'x', rect: rects[3]! }]);
    expect(digits.read().size).toBe(0);
  });
});
