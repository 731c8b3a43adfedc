import type { BBox, TextRun } from '@juesuan/model';
import type { LayoutSettings } from '../layout/settings.ts';
import type { LineOfRuns } from '../layout/text-lines.ts';
import { textLineBands } from './image-ops.ts';

/**
 * Stand-in texts for ink not read yet: the layout passes that place rows ask of a piece of text
 * only where it stands and whether it is an amount.
 */
export const INK_AMOUNT = '0.00';
export const INK_WORDS = '文字';

/** Horizontal extents of ink in the rows top..bottom between x0 and x1, split where the gap is wider than `minGap`. */
export function inkPieces(bin: Uint8Array, width: number, band: { top: number; bottom: number; x0?: number; x1?: number }, minGap: number): Array<[number, number]> {
  const { top, bottom, x0 = 0, x1 = width } = band;
  const pieces: Array<[number, number]> = [];
  let start = -1;
  let lastInk = -1;
  for (let x = x0; x < x1; x++) {
    let ink = false;
    for (let y = top; y < bottom && !ink; y++) ink = bin[y * width + x] === 1;
    if (!ink) continue;
    if (start < 0) start = x;
    else if (x - lastInk > minGap) {
      pieces.push([start, lastInk + 1]);
      start = x;
    }
    lastInk = x;
  }
  if (start >= 0) pieces.push([start, lastInk + 1]);
  return pieces;
}

/** A band of inked rows across the page as a line of runs (in points), one run each stretch of ink without a blank column. */
export function inkLine(bin: Uint8Array, width: number, top: number, bottom: number, scale: number): LineOfRuns {
  const bbox = (a: number, b: number) => ({ x0: a / scale, y0: top / scale, x1: b / scale, y1: bottom / scale });
  const fontSize = (bottom - top) / scale;
  const runs = inkPieces(bin, width, { top, bottom }, 1).map(([a, b]) => ({ text: INK_WORDS, bbox: bbox(a, b), fontSize, fontName: 'ink', direction: 'ltr' as const }));
  const ends = runs.length > 0 ? [runs[0]!.bbox.x0 * scale, runs[runs.length - 1]!.bbox.x1 * scale] : [0, 0];
  return { text: INK_WORDS, bbox: bbox(ends[0]!, ends[1]!), fontSize, runs };
}

/** Bands nearer than `gap` are one line of type (a character's strokes stacked, as in 二 or 三). */
function joinTouching(bands: Array<[number, number]>, gap: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const b of bands) {
    const last = out[out.length - 1];
    if (last && b[0] - last[1] < gap) last[1] = b[1];
    else out.push([b[0], b[1]]);
  }
  return out;
}

/** Ink lower than this share of a line of type is a speck, a dash or a stamp's edge: no line of its own. */
const MIN_LINE_SHARE = 0.5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** A column holds amounts when its ink lines up on the right or the centre more than on the left (where names start). */
function holdsAmounts(boxes: BBox[], alignPt: number): boolean {
  const share = (edge: (b: BBox) => number) => {
    const m = median(boxes.map(edge));
    return boxes.filter((b) => Math.abs(edge(b) - m) <= alignPt).length;
  };
  const left = share((b) => b.x0);
  return share((b) => b.x1) > left || share((b) => (b.x0 + b.x1) / 2) > left;
}

/**
 * The ink between the column lines of a table on a page image as text runs (in points), the image's
 * equivalent of a text layer's runs: one run a line of ink in a column, its text a stand-in that says
 * whether the column holds amounts. Each column is taken a few pixels in from its lines, to leave them out.
 */
export function inkRunsInColumns(bin: Uint8Array, width: number, frame: { xs: number[]; y0: number; y1: number }, scale: number, s: LayoutSettings): TextRun[] {
  const inset = Math.max(4, Math.round(scale * 1.5));
  const [top, bottom] = [Math.ceil(frame.y0 * scale) + inset, Math.floor(frame.y1 * scale) - inset];
  const spans = frame.xs.slice(0, -1).map((x, k) => [Math.ceil(x * scale) + inset, Math.floor(frame.xs[k + 1]! * scale) - inset] as const);
  const raw = spans.map(([x0, x1]) => textLineBands(bin, width, { x0, y0: top, x1, y1: bottom }, 1));
  const line = median(raw.flat().map(([a, b]) => b - a));
  const columns = raw.map((bands, c) =>
    joinTouching(bands, line * s.rows.touchingGapEm)
      .filter(([y0, y1]) => y1 - y0 >= line * MIN_LINE_SHARE)
      .map(([y0, y1]) => {
        const pieces = inkPieces(bin, width, { top: y0, bottom: y1, x0: spans[c]![0], x1: spans[c]![1] }, Infinity);
        return { x0: pieces[0]![0] / scale, y0: y0 / scale, x1: pieces[pieces.length - 1]![1] / scale, y1: y1 / scale };
      }),
  );
  let amounts = columns.map((boxes) => boxes.length >= 3 && holdsAmounts(boxes, s.edges.alignPt));
  // no column told apart: the names in the first inked column, amounts in the rest
  if (!amounts.includes(true)) amounts = columns.map((_, c) => c > columns.findIndex((boxes) => boxes.length > 0));
  const fontSize = line / scale;
  return columns.flatMap((boxes, c) => boxes.map((bbox) => ({ text: amounts[c] ? INK_AMOUNT : INK_WORDS, bbox, fontSize, fontName: 'ink', direction: 'ltr' as const })));
}

/** How many bands of rows the runs ink in any column (a heading set beside two lines of another is one band with them). */
export function inkBands(runs: TextRun[]): number {
  const spans = runs.map((r) => [r.bbox.y0, r.bbox.y1] as const).sort((a, b) => a[0] - b[0]);
  let count = 0;
  let end = -Infinity;
  for (const [y0, y1] of spans) {
    if (y0 > end) count++;
    end = Math.max(end, y1);
  }
  return count;
}
