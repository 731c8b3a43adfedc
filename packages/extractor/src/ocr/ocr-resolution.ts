import type { Scan } from '../pdf/sole-image.ts';

/**
 * The resolutions (dpi) pages are drawn at for OCR where the caller asks for none (`--dpi`):
 * - `fine`: pages drawn from vectors, scans coarser than `scans.from`, and scans in black and
 *   white: a 200-dpi fax drawn at 300 has its strokes' edges interpolated to grey, and reads better
 *   so (real/fax 1085 of 1090 amounts against 1080 drawn at 200, regions/fax 901 of 901 against 871);
 * - `scans.at`: grey and colour scans of `scans.from` dpi or finer. Drawn finer, a scan's pixels
 *   are only interpolated, for 2.25 times the image work: at 200 against 300, real/uneven read
 *   every amount and narrative figure as before at 0.96 s a page against 1.24; a 300-dpi scan
 *   drawn at 200 (regions/clean-300) every amount, at 1.04 s against 1.16, two of its eight
 *   narrative figures lost (a comma read as a point: no amount taken, the parser's GROUP_AS_DECIMALS).
 */
export const OCR_RESOLUTION = { fine: 300, scans: { from: 200, at: 200 } } as const;

/** The resolutions a caller may ask for (`--dpi`, a queued job's): 600 dpi draws an A3 page in 70 M pixels. */
export const ASKED_DPI = { min: 72, max: 600 } as const;

/** A scan's resolution within this share of `scans.from` counts as it (a page's size in points is rounded). */
const NEAR = 0.98;

/** The resolution a page is drawn at for OCR, by the scan it is (null: not one image). */
export function ocrDpiOf(scan: Scan | null): number {
  const { fine, scans } = OCR_RESOLUTION;
  return scan && !scan.bilevel && scan.dpi >= scans.from * NEAR ? scans.at : fine;
}
