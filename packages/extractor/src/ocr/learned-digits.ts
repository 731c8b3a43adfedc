import type { GrayImage } from '../pdf/render-page.ts';
import { hasTwoDecimals } from './amount-style.ts';
import type { DigitSample, KnownCell, Spacing } from './digit-templates.ts';
import { cellGlyphs, median, pageSamples, readGlyphs, templatesOf } from './digit-templates.ts';
import type { Rect } from './image-ops.ts';
import type { Recognized } from './tesseract-pool.ts';

/**
 * Amounts read by a document's own digits: the digits of the amounts the recogniser read surely on
 * the pages before, as templates (digit-templates.ts), read a page's other amounts at a fraction
 * of a recognition call's cost. Only a reading every glyph of which is clearly one digit is taken;
 * the rest are the recogniser's as before. On scans of every profile the readings taken agreed with
 * the recogniser's sure ones, and were the printed ones where the two differed (a fax's 480.66 that
 * the recogniser read 180.66).
 */
export const LEARNED_DIGITS = {
  /** Each glyph's likest digit beats its runner-up by this at least (likeness is a correlation, -1 to 1). */
  margin: 0.12,
  /** And is this like it at least. */
  likeness: 0.6,
  /** What a reading taken is as sure as: a sure recognition (read-cells' SURE is 0.9). */
  confidence: 0.95,
  /** A known amount is one the recogniser read at least this surely. */
  known: 0.9,
} as const;

/** Reads a cell's amount by the digits learned, or null where they are not clear about it. */
export type DigitsReader = (img: GrayImage, bin: Uint8Array, rect: Rect) => Recognized | null;

/** A page's place in the document's line: the digits of the pages before it, and its own to add. */
export interface DigitsTurn {
  /** The reader of the digits learned on the pages before this one (null while too few), once they are all learned. */
  reader(): Promise<DigitsReader | null>;
  /** This page's known amounts learned from (cells the recogniser read, with their readings); the pages after may go on. */
  learn(img: GrayImage, bin: Uint8Array, read: Array<{ rect: Rect; read: Recognized | null }>): void;
  /** The page is done without learning (no cells, or it failed): the pages after may go on. Again is nothing. */
  leave(): void;
}

/**
 * A document's digits, learned page by page in the pages' order: each page reads by the digits of
 * every page before it, and waits until they are learned, so a page's reading never depends on
 * which page's recognition finished first.
 */
export class LearnedDigits {
  private samples: DigitSample[] = [];
  private spacings: Spacing[] = [];
  private last: Promise<void> = Promise.resolve();
  private made: { count: number; reader: DigitsReader | null } = { count: -1, reader: null };

  /** The next page's turn: turns are taken in the pages' order. */
  enter(): DigitsTurn {
    const before = this.last;
    let done = () => undefined as void;
    const own = new Promise<void>((resolve) => (done = resolve));
    // the next page waits for this one and every one before it (this one may finish first)
    this.last = Promise.all([before, own]).then(() => undefined);
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      done();
    };
    return {
      reader: async () => (await before, this.reader()),
      learn: (img, bin, read) => {
        if (!left) this.add(img, bin, read);
        leave();
      },
      leave,
    };
  }

  private add(img: GrayImage, bin: Uint8Array, readings: Array<{ rect: Rect; read: Recognized | null }>): void {
    const known: KnownCell[] = readings.flatMap(({ rect, read }) => (read && read.confidence >= LEARNED_DIGITS.known && hasTwoDecimals(read.text) && /^\d/.test(read.text) ? [{ rect, text: read.text }] : []));
    const learned = pageSamples(img, bin, known);
    if (!learned) return;
    this.samples.push(...learned.samples);
    this.spacings.push(learned.spacing);
  }

  /** The reader of the digits learned so far (made again only when more were learned). */
  private reader(): DigitsReader | null {
    if (this.made.count === this.samples.length) return this.made.reader;
    const digits = this.spacings.length > 0 ? templatesOf(this.samples) : null;
    const spacing = { pitch: median(this.spacings.map((s) => s.pitch)), height: median(this.spacings.map((s) => s.height)) };
    const reader: DigitsReader | null = digits
      ? (img, bin, rect) => {
          // strict: glyphs run together (heavy print) or one lost between two would read a digit short
          const glyphs = cellGlyphs(img, bin, rect, spacing, true);
          const read = glyphs && readGlyphs(glyphs, digits, LEARNED_DIGITS);
          return read && hasTwoDecimals(read.text) ? { text: read.text, confidence: LEARNED_DIGITS.confidence } : null;
        }
      : null;
    this.made = { count: this.samples.length, reader };
    return reader;
  }
}
