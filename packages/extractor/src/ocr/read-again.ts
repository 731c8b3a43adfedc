import type { GrayImage } from '../pdf/render-page.ts';
import type { Rect } from './image-ops.ts';
import { cropGray, strokesFiltered, toPgm } from './image-ops.ts';
import { AMOUNT_CHARS, asAmount } from './read-cells.ts';
import type { Lang, OcrEngine } from './tesseract-pool.ts';

/** One more look at a cell: its strokes as scanned, thickened or thinned; drawn larger or not; read by one model. */
interface Look {
  strokes: 'as scanned' | 'thicker' | 'thinner';
  up: 1 | 2;
  lang: Lang;
  psm: 7 | 8;
}

/**
 * The looks a cell of a broken identity gets, each apt to read right where the first reading
 * failed (each was seen to on degraded scans): larger and as one word (small or touching
 * digits), thicker strokes (a fax's 4 that lost its slant reads 1), thinner ones (heavy print's
 * 5 runs into a 6), and the Chinese model, trained on the Song digits the reports print.
 */
export const LOOKS: readonly Look[] = [
  { strokes: 'as scanned', up: 2, lang: 'eng', psm: 8 },
  { strokes: 'thicker', up: 1, lang: 'eng', psm: 7 },
  { strokes: 'thinner', up: 1, lang: 'eng', psm: 7 },
  { strokes: 'as scanned', up: 1, lang: 'chi_sim', psm: 7 },
  { strokes: 'as scanned', up: 2, lang: 'chi_sim', psm: 7 },
];

/** The amounts each look reads in each cell (its glyphs' box in pixels), distinct, in the order of the looks. */
export async function readAgain(img: GrayImage, boxes: Rect[], engine: OcrEngine): Promise<string[][]> {
  return Promise.all(
    boxes.map(async (box) => {
      const crop = cropGray(img, box);
      const drawn = { 'as scanned': crop, thicker: strokesFiltered(crop, 'thicker'), thinner: strokesFiltered(crop, 'thinner') };
      const whole = { x0: 0, y0: 0, x1: crop.width, y1: crop.height };
      const read = await Promise.all(LOOKS.map((l) => engine.recognize(toPgm(drawn[l.strokes], whole, l.up), { lang: l.lang, psm: l.psm, whitelist: AMOUNT_CHARS })));
      return [...new Set(read.flatMap((r) => asAmount(r)?.text ?? []))];
    }),
  );
}
