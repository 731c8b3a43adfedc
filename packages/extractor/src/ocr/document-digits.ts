import type { GrayImage } from '../pdf/render-page.ts';
import type { Rect } from './image-ops.ts';
import { binarize, cropGray } from './image-ops.ts';
import type { DigitSample, KnownCell, Spacing } from './digit-templates.ts';
import { cellGlyphs, glyphLikeness, median, pageSamples, readGlyphs, templatesOf } from './digit-templates.ts';

/** A cell kept to be read once the document's digits are known: its crop, its ink threshold, its page's spacing if measured. */
interface Kept<K> {
  key: K;
  crop: GrayImage;
  threshold: number;
  spacing: Spacing | null;
}

/**
 * A document's digits learned page by page from its known amounts, and the cells to read by them
 * kept until every page is seen: one page seldom prints every digit twice, the document does. A
 * page too sparse to measure its spacing takes the document's.
 */
export class DocumentDigits<K> {
  private samples: DigitSample[] = [];
  private spacings: Spacing[] = [];
  private kept: Array<Kept<K>> = [];

  /** A page's known amounts learned from (`bin`: its ink at `threshold`), and its cells to read kept (cropped; the page can go). */
  addPage(img: GrayImage, ink: { bin: Uint8Array; threshold: number }, known: KnownCell[], toRead: Array<{ key: K; rect: Rect }>): void {
    const { bin, threshold } = ink;
    const learned = pageSamples(img, bin, known);
    if (learned) {
      this.samples.push(...learned.samples);
      this.spacings.push(learned.spacing);
    }
    for (const { key, rect } of toRead) this.kept.push({ key, crop: cropGray(img, rect), threshold, spacing: learned?.spacing ?? null });
  }

  /** Each kept cell as the document's digits see it: its amount where they read one, and each glyph's likeness to each digit. */
  read(): Map<K, DigitsReading> {
    const digits = templatesOf(this.samples);
    const out = new Map<K, DigitsReading>();
    if (!digits || this.spacings.length === 0) return out;
    const usual = { pitch: median(this.spacings.map((s) => s.pitch)), height: median(this.spacings.map((s) => s.height)) };
    for (const { key, crop, threshold, spacing } of this.kept) {
      const glyphs = cellGlyphs(crop, binarize(crop, threshold), { x0: 0, y0: 0, x1: crop.width, y1: crop.height }, spacing ?? usual);
      if (glyphs) out.set(key, { text: readGlyphs(glyphs, digits)?.text ?? null, likeness: glyphLikeness(glyphs, digits) });
    }
    return out;
  }
}

/** A cell as the document's digits see it: the amount they read (null where a glyph is undecided), each glyph's likeness to each digit (null for a mark). */
export interface DigitsReading {
  text: string | null;
  likeness: Array<number[] | null>;
}
