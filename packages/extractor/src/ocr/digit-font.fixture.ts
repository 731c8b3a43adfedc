import type { GrayImage } from '../pdf/render-page.ts';

// Amounts drawn in a tiny font of our own, for the tests of a document's digits (no font files, no canvas).

/** A 5 × 7 pixel font: digits, and a point and a comma at the foot of the line. */
export const FONT: Record<string, string[]> = {
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
export const PX = 4; // each font pixel drawn 4 × 4
export const ADVANCE = 7 * PX; // digits and marks alike (a Song face prints both a digit wide)

/** A page with one amount a row, right-aligned; `spoil` takes ink off a row's glyphs (a fax's lost strokes). */
export function page(rows: string[], spoil: (row: number, ch: string, fx: number, fy: number) => boolean = () => false): { img: GrayImage; rects: Array<{ x0: number; y0: number; x1: number; y1: number }> } {
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

/** Amounts that print every digit twice at least: what a page's known cells teach. */
export const KNOWN = ['1,234.56', '7,890.12', '345.67', '89.01', '2,468.09', '13,579.24', '60.80', '4,321.09', '5,678.34', '987.65'];
