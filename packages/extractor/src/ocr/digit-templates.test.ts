import { describe, expect, it } from 'vitest';
import { binarize } from './image-ops.ts';
import { DocumentDigits } from './document-digits.ts';
import { cellGlyphs, glyphSlots, pageSamples, readGlyphs, templatesOf } from './digit-templates.ts';
import { ADVANCE, KNOWN, PX, page } from './digit-font.fixture.ts';

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
