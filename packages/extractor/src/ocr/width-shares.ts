import type { Rect } from './image-ops.ts';

/** The recognisers a text line may be read by: PaddleOCR's line network, or tesseract's Chinese model where it cannot run. */
export type LineReader = 'network' | 'tesseract';

/**
 * The share of its width each kind of line is read at, by reader. A recogniser's time goes by the
 * width it reads, and Chinese print, square, reads as well narrower: the network reads text squeezed
 * to a fraction of its printed width (its training lines were). Where a share was measured:
 * - prose (at least `widthOverHeight` times as wide as high, some 20 characters): the network at
 *   0.6, where 0.55 gave every narrative figure of real/fax, real/uneven and regions/fax as at 0.7
 *   but lost 2 of real/heavy's 59 drawn at 200 dpi, and 0.45 lost 2 of real/fax's (a digit is then
 *   about one step of the network's output);
 *   tesseract at 0.8 (80 fax lines: 23% faster, as many right);
 * - other lines outside the tables (titles, units, headings) and table cells: the network at 0.7;
 *   on the eight scan profiles every amount, table and document read as at full width (a code
 *   misread more, flagged, and one fewer); a fax's amounts read again as a second opinion alike,
 *   with every flag and finding as at full width. Tesseract keeps their width: narrowed, it read
 *   a fax's 单位：万元 as 万儿, and cells' misreads doubled.
 * Not made smaller both ways: the network brings a line taller than 48 px down to 48, so its time
 * goes by the glyphs' height there; prose's ink at 32 px took 10% less of its time but lost 2 of 59
 * narrative figures (clean and fax scans alike).
 */
export const WIDTH_SHARES = {
  prose: { widthOverHeight: 20, network: 0.6, tesseract: 0.8 },
  line: { network: 0.7, tesseract: 1 },
  cell: { network: 0.7 },
} as const;

/** The share of its width a text line outside the tables is read at: prose narrowest, other lines less so. */
export function lineWidthShare(box: Rect, reader: LineReader): number {
  const prose = box.x1 - box.x0 >= WIDTH_SHARES.prose.widthOverHeight * (box.y1 - box.y0);
  return WIDTH_SHARES[prose ? 'prose' : 'line'][reader];
}
