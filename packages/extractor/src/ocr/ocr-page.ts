import type { BBox, Ruling, TextRun } from '@juesuan/model';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { mergeRulings } from '../pdf/detect-rulings.ts';
import type { RawPage } from '../pdf/read-pdf-page.ts';
import type { GrayImage } from '../pdf/render-page.ts';
import type { SoleImage } from '../pdf/detect-rulings.ts';
import { renderPageGray } from '../pdf/render-page.ts';
import { scanOf } from '../pdf/sole-image.ts';
import { ruledGrids } from '../layout/find-tables.ts';
import { normalizeCjkSpacing } from '../layout/cjk-text.ts';
import type { LayoutSettings } from '../layout/settings.ts';
import { DEFAULT_LAYOUT_SETTINGS } from '../layout/settings.ts';
import { splitLineOnGaps, unionBox } from '../layout/text-lines.ts';
import { rowsForColumns } from '../layout/text-rows.ts';
import { estimateSkew, straightenColumns } from './deskew.ts';
import { detectImageLines } from './detect-image-lines.ts';
import { flattenPaper } from './flatten-paper.ts';
import { withoutGlyphStrokes } from './glyph-strokes.ts';
import { inkBands, inkLine, inkRunsInColumns } from './ink-runs.ts';
import type { Rect } from './image-ops.ts';
import { binarize, cropGray, faintInkThreshold, fillRegion, greyHistogram, halveGray, inkIn, isBilevel, otsuThreshold, rotateGray, rotateQuarter, strokesFiltered, textLineBands, toPgm, withoutRuleResidue } from './image-ops.ts';
import type { CellJob } from './read-cells.ts';
import { BARELY_READ, readCells, restoreYi, textLines } from './read-cells.ts';
import type { LinePiece } from './reread-amounts.ts';
import { mayBeAmount, rereadAmounts } from './reread-amounts.ts';
import type { OcrEngine, Recognized } from './tesseract-pool.ts';
import type { PageImage, PageImageStore } from './page-image-store.ts';
import { restoreNumbering } from './numbering-read.ts';
import { restoreUnit } from './unit-read.ts';
import { withoutSpecks } from './trim-specks.ts';
import { nextTurn } from './next-turn.ts';
import { lineWidthShare } from './width-shares.ts';
import { ocrDpiOf } from './ocr-resolution.ts';
import type PQueue from 'p-queue';


const EMPTY = new Uint8Array(0);

export interface OcrPageOptions {
  /** the resolution pages are drawn at; none: as the page is (ocr-resolution.ts) */
  dpi?: number;
  engine: OcrEngine;
  /** where the page's image is kept for a second reading */
  pageImages?: PageImageStore;
  /** the queue pages are drawn in, one at a time (the document's) */
  drawing?: PQueue;
  /** the page's one image, when it is nothing else (read from its layout): turned to grey without drawing it */
  soleImage?: SoleImage;
}

/**
 * A scanned or image-only page: render, straighten, find the table grid on the image, then read
 * each cell (amounts with a digit whitelist, one line; names in Chinese) and the text around
 * the tables from word boxes. The result has the shape of a text-layer page, so layout,
 * parsing and loading need nothing else.
 */
export async function ocrPage(doc: PDFDocumentProxy, number: number, options: OcrPageOptions): Promise<RawPage> {
  // tesseract's Chinese model only where the line recogniser cannot run, or for second readings: started when asked
  options.engine.warm(['eng']);
  // one page drawn at a time: the first page's cells reach the recognisers sooner, and a page is drawn while another's are read
  const drawn = await (options.drawing ? options.drawing.add(() => drawPage(doc, number, options)) : drawPage(doc, number, options));
  const { img, threshold, bilevel, rulings, grids, cells, turned } = drawn;
  // the binary image held by `paper` alone: let go below as soon as the text lines are found
  const paper = { width: img.width, height: img.height, data: drawn.bin };
  drawn.bin = EMPTY;
  const scale = img.scale;
  const runs: TextRun[] = [];
  const jobs: Array<Promise<void>> = [];
  // a black-and-white page's thin strokes broke at its threshold (a 4's bar, a 9's loop): its cells read with strokes grown back
  jobs.push(
    readCells(bilevel && cells.length > 0 ? strokesFiltered(img, 'thicker', unionBox(cells.map((c) => c.rect))) : img, cells, options.engine, { bilevel }).then((read) =>
      read.forEach((r, k) => {
        if (r.text === '') return;
        const { rect: box, lines } = cells[k]!;
        runs.push({
          text: restoreNumbering(r.text),
          bbox: { x0: box.x0 / scale, y0: box.y0 / scale, x1: box.x1 / scale, y1: box.y1 / scale },
          fontSize: Math.max(6, (box.y1 - box.y0) / scale / Math.max(1, lines)),
          fontName: 'ocr',
          direction: 'ltr',
          source: 'ocr',
          confidence: Math.max(0, Math.min(1, r.confidence)),
          ...(r.alternatives ? { alternatives: r.alternatives } : {}),
        });
      }),
    ),
  );

  // the rest of the page (titles, unit lines, headings, narrative) from word boxes, tables blanked out;
  // the page's binary image is blanked alike (it is binarize(rest): not computed again)
  const rest = { ...img, data: img.data.slice() };
  const blankOut = (r: Rect) => {
    fillRegion(rest, r, 255);
    fillRegion(paper, r, 255 <= threshold ? 1 : 0);
  };
  for (const g of grids) blankOut({ x0: g.bbox.x0 * scale - 3, y0: g.bbox.y0 * scale - 3, x1: g.bbox.x1 * scale + 3, y1: g.bbox.y1 * scale + 3 });
  // lines outside the grids (a rule under a heading, a table ruled across only) are not text
  // (only long ones: a big title's strokes can pass for short lines)
  for (const r of rulings.filter((x) => x.to - x.from >= 36)) {
    // a blurred or slightly slanted rule is several pixels thick: its edges left behind read as text
    const half = Math.max(3, Math.round(scale * 1.5));
    blankOut(
      r.orientation === 'h'
        ? { x0: r.from * scale, y0: r.at * scale - half, x1: r.to * scale, y1: r.at * scale + half }
        : { x0: r.at * scale - half, y0: r.from * scale, x1: r.at * scale + half, y1: r.to * scale },
    );
  }
  // text lines found on the image itself (row profile), cut at wide gaps, each read as one line
  const pieces: LinePiece[] = [];
  const m = glyphPaperPx(scale);
  for (const [top, bottom] of textLineBands(paper.data, img.width, { x0: 0, y0: 0, x1: img.width, y1: img.height }, 3)) {
    const h = bottom - top;
    if (h < 8 || h > scale * 60) continue; // specks, or a picture / seal
    // parted where more than `gap - 1` columns stand blank, as the layout parts a line into columns
    const gap = Math.max(h * 2.5, scale * 18);
    for (const piece of splitLineOnGaps(inkLine(paper.data, img.width, top, bottom, scale), (gap - 1 + 1e-3) / scale)) {
      const [x0, x1] = [Math.round(piece.bbox.x0 * scale), Math.round(piece.bbox.x1 * scale)];
      if (x1 - x0 < 6) continue;
      const box = { x0: Math.max(0, x0 - m), y0: Math.max(0, top - m), x1: Math.min(img.width, x1 + m), y1: Math.min(img.height, bottom + m) };
      jobs.push(
        readLine(options.engine, rest, box).then((r) => {
          const text = restoreUnit(restoreNumbering(restoreYi(normalizeCjkSpacing(r.text.replace(/\s*\n\s*/g, ' ').trim()))));
          const run: TextRun = {
            text,
            bbox: { x0: box.x0 / scale, y0: top / scale, x1: box.x1 / scale, y1: bottom / scale },
            fontSize: Math.max(6, h / scale),
            fontName: 'ocr',
            direction: 'ltr',
            source: 'ocr',
            confidence: Math.max(0, Math.min(1, r.confidence)),
          };
          // read again as a cell before it is kept; other lines kept unless barely read
          if (mayBeAmount(text)) pieces.push({ run, rect: box });
          else if (r.confidence >= BARELY_READ) runs.push(run);
        }),
      );
    }
  }
  paper.data = EMPTY;
  await Promise.all(jobs);
  runs.push(...(await rereadAmounts(rest, pieces, options.engine, { bilevel })));
  rest.data = EMPTY;
  return { number, width: img.width / scale, height: img.height / scale, runs, rulings, imageCoverage: 1, source: 'ocr', ...(turned ? { turned } : {}) };
}

/** A page drawn for OCR: upright, with its ink threshold, binary image, rules, grids and cells to read. */
interface DrawnPage {
  img: GrayImage;
  threshold: number;
  bilevel: boolean;
  bin: Uint8Array;
  rulings: Ruling[];
  grids: ReturnType<typeof gridsOf>;
  cells: CellJob[];
  turned: 0 | 90 | 270;
}

/** The main thread's share of a page: drawn, straightened, its grids found (turned upright if scanned sideways), its cells boxed. */
async function drawPage(doc: PDFDocumentProxy, number: number, options: OcrPageOptions): Promise<DrawnPage> {
  const found = await pageImage(doc, number, options.dpi, options.soleImage);
  options.pageImages?.keep(number, options.dpi, found);
  const { threshold, bilevel } = found;
  let img = found.img;
  let { bin, rulings, grids } = findGrids(img, threshold);
  await nextTurn();
  // a table scanned sideways: its cells stand taller than wide; turned upright, the grid found again
  let turned: DrawnPage['turned'] = 0;
  const turns = looksSideways(grids) ? await uprightTurns(img, bin, grids, options.engine) : 0;
  if (turns !== 0) {
    img = rotateQuarter(img, turns);
    turned = turns === 3 ? 90 : 270;
    ({ bin, rulings, grids } = findGrids(img, threshold));
  }
  // a table ruled only down, in a frame: its row lines from the text lines on the image
  const rows = grids.flatMap((g) => rowsFromImage(bin, img.width, g, img.scale));
  if (rows.length > 0) {
    rulings = mergeRulings([...rulings, ...rows], IMAGE_LINE_SAME_POSITION);
    grids = gridsOf(rulings);
  }
  const cells = cellJobs(img, bin, threshold, grids);
  await nextTurn();
  return { img, threshold, bilevel, bin, rulings, grids, cells, turned };
}

/**
 * The cells of a page's grids with ink, each with its glyphs' box and its text lines. The halo
 * image is made and let go here: not held while the page's cells are recognised.
 */
function cellJobs(img: GrayImage, bin: Uint8Array, threshold: number, grids: ReturnType<typeof gridsOf>): CellJob[] {
  // the rules' grey halo counts at a cell's edges: darkened for the recogniser it reads as ) or |
  const ink = { bin, halo: binarize(img, faintInkThreshold(threshold)), width: img.width, scale: img.scale };
  return [...grids.entries()].flatMap(([g, grid]) =>
    grid.cells.flatMap((cell) => {
      const box = cellInkBox(ink, cell.bbox);
      return box ? [{ rect: box, lines: textLines(textLineBands(bin, img.width, box)), column: `${g}:${cell.col}` }] : [];
    }),
  );
}

/**
 * A page drawn (at `dpi`, or as the scan it is: ocrDpiOf), its paper evened and its skew taken out:
 * the image OCR reads, and reads again, pixel for pixel the same each time; with its ink threshold.
 */
export async function pageImage(doc: PDFDocumentProxy, number: number, dpi?: number, soleImage?: SoleImage): Promise<PageImage> {
  // a turn given between every stage: with only one, after drawing, 政协's fax took 28–31 s instead of 21–22
  await nextTurn();
  const raw = await renderPageGray(doc, number, dpi ?? ocrDpiOf(await scanOf(await doc.getPage(number))), soleImage);
  await nextTurn();
  const levels = greyHistogram(raw.data);
  const bilevel = isBilevel(raw, levels);
  // where evening the paper changed the pixels, their levels as it wrote them
  const evened = flattenPaper(raw);
  await nextTurn();
  const threshold = otsuThreshold(raw, evened ?? levels);
  const skew = estimateSkew(raw, threshold);
  await nextTurn();
  const level = rotateGray(raw, -skew);
  await nextTurn();
  const img = straightenColumns(level, threshold);
  // each page image is let go as soon as it is used: two pages in flight then hold little
  if (img !== raw) raw.data = EMPTY;
  await nextTurn();
  return { img, threshold, bilevel };
}

/** A page image's ink (binary), and its ink with the rules' grey halo (binary, a fainter threshold). */
export interface PageInk {
  bin: Uint8Array;
  halo: Uint8Array;
  width: number;
  scale: number;
}

/**
 * Sizes on the page in points, so that a page reads alike at any resolution it is drawn at (set
 * in pixels at 300 dpi, a 200-dpi drawing's prose lines, cut with more paper round them, read
 * 1193.20 as 113.20): the paper kept round a line's or a cell's glyphs (6 px at 300 dpi), and the
 * least ink, in square points, a cell holds that is not blank or specks (25 px at 300 dpi).
 */
const GLYPH_PAPER = 1.44;
const MIN_CELL_INK = 1.44;

/** GLYPH_PAPER in the pixels of a page drawn at `scale` pixels a point. */
const glyphPaperPx = (scale: number) => Math.round(scale * GLYPH_PAPER);

/**
 * The box of a table cell's glyphs in pixels, with GLYPH_PAPER round them, inside the cell's
 * borders: without the rule left at its edges and the specks at its ends; null for a blank cell.
 */
export function cellInkBox(ink: PageInk, bbox: BBox): Rect | null {
  const { bin, halo, width, scale } = ink;
  // inside the borders: a few pixels off every line
  const inset = Math.max(4, Math.round(scale * 1.5));
  const rect = withoutRuleResidue(halo, width, { x0: bbox.x0 * scale + inset, y0: bbox.y0 * scale + inset, x1: bbox.x1 * scale - inset, y1: bbox.y1 * scale - inset }, inset);
  if (rect.x1 - rect.x0 < 4 || rect.y1 - rect.y0 < 4) return null;
  const found = inkIn(bin, width, rect);
  if (found.count < Math.round(MIN_CELL_INK * scale * scale) || !found.box || found.box.x1 - found.box.x0 < 3) return null; // blank, or specks
  const glyphs = withoutSpecks(bin, width, found.box, scale);
  const m = glyphPaperPx(scale);
  return { x0: Math.max(rect.x0, glyphs.x0 - m), y0: Math.max(rect.y0, glyphs.y0 - m), x1: Math.min(rect.x1, glyphs.x1 + m), y1: Math.min(rect.y1, glyphs.y1 + m) };
}

/** A text line read less surely than this is read again at half its size. */
const LINE_SURE = 0.7;

/**
 * A text line outside the tables, read by PaddleOCR's network (its own thread); tesseract's
 * Chinese model reads it where that network cannot run (a platform onnxruntime has no build for).
 */
async function readLine(engine: OcrEngine, img: GrayImage, box: Rect): Promise<Recognized> {
  try {
    return await engine.lines.read(img, box, lineWidthShare(box, 'network'));
  } catch {
    return readLineTesseract(engine, img, box);
  }
}

/**
 * A text line read by tesseract: the surer of its reading and, when unsure, a reading at half its
 * size (the recogniser misreads some sharp, large lines at their own size: a clean 300-dpi scan's
 * 公开02表：收入预算总表 read 公不02:宏“收入顶公忘去, at 0.49; halved, or at 1.25 times, right).
 */
async function readLineTesseract(engine: OcrEngine, img: GrayImage, box: Rect): Promise<Recognized> {
  const widthShare = lineWidthShare(box, 'tesseract');
  const first = await engine.recognize(toPgm(img, box), { lang: 'chi_sim', psm: 7, widthShare });
  if (first.confidence >= LINE_SURE) return first;
  const half = halveGray(cropGray(img, box));
  const again = await engine.recognize(toPgm(half, { x0: 0, y0: 0, x1: half.width, y1: half.height }), { lang: 'chi_sim', psm: 7, widthShare });
  return again.confidence > first.confidence ? again : first;
}

/** A rule printed heavy is found as pieces up to this far apart (points): its edges, where the scan thickened it. */
const IMAGE_LINE_SAME_POSITION = 2;

/** The table grids drawn on a page image, in points. */
export function findGrids(img: GrayImage, threshold: number) {
  const bin = binarize(img, threshold);
  const rulings: Ruling[] = withoutGlyphStrokes(mergeRulings(detectImageLines(bin, img.width, img.height, img.scale), IMAGE_LINE_SAME_POSITION));
  return { bin, rulings, grids: gridsOf(rulings) };
}

function gridsOf(rulings: Ruling[]) {
  return ruledGrids(rulings);
}

type Grid = ReturnType<typeof gridsOf>[number];

/**
 * A grid with column lines but no lines across inside its frame: its row lines drawn by the
 * layout's "edges: rows from text" pass, from the lines of ink between its column lines.
 */
export function rowsFromImage(bin: Uint8Array, width: number, grid: Pick<Grid, 'xs' | 'ys' | 'bbox'>, scale: number, s: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): Ruling[] {
  if (grid.ys.length > 3 || grid.xs.length < 4) return [];
  const { y0, y1 } = grid.bbox;
  const runs = inkRunsInColumns(bin, width, { xs: grid.xs, y0, y1 }, scale, s);
  // only a frame: far more bands of ink across the table than rows between its lines across
  const lines = inkBands(runs);
  if (lines < 3 || lines < 2 * (grid.ys.length - 1) + 1) return [];
  return rowsForColumns(grid.xs.map((at) => ({ orientation: 'v', at, from: y0, to: y1 })), runs, s);
}

/** Most cells of an upright table are wider than tall (rows are one line high); turned, the reverse. */
export function looksSideways(grids: Array<Pick<Grid, 'cells'>>): boolean {
  const cells = grids.flatMap((g) => g.cells);
  if (cells.length < 6) return false;
  const tall = cells.filter((c) => c.bbox.y1 - c.bbox.y0 > (c.bbox.x1 - c.bbox.x0) * 1.2).length;
  return tall > cells.length * 0.6;
}

/**
 * Which quarter turn (none, clockwise 1 or 3) reads best: the inkiest cells recognised each way. An
 * upright table of tall cells (绩效目标 paragraphs beside their amounts) looks sideways by its cells' shapes.
 */
export async function uprightTurns(img: GrayImage, bin: Uint8Array, grids: Grid[], engine: OcrEngine): Promise<0 | 1 | 3> {
  const scale = img.scale;
  const inked = grids
    .flatMap((g) => g.cells)
    .map((c) => {
      const rect = { x0: c.bbox.x0 * scale + 4, y0: c.bbox.y0 * scale + 4, x1: c.bbox.x1 * scale - 4, y1: c.bbox.y1 * scale - 4 };
      return { rect, ink: rect.x1 > rect.x0 && rect.y1 > rect.y0 ? inkIn(bin, img.width, rect).count : 0 };
    })
    .sort((a, b) => b.ink - a.ink)
    .slice(0, 3);
  const score = async (turns: 0 | 1 | 3) => {
    let sum = 0;
    for (const { rect } of inked) {
      const cell = turns === 0 ? cropGray(img, rect) : rotateQuarter(cropGray(img, rect), turns);
      const r = await engine.recognize(toPgm(cell, { x0: 0, y0: 0, x1: cell.width, y1: cell.height }), { lang: 'chi_sim', psm: 6 });
      sum += r.text.trim() === '' ? 0 : r.confidence;
    }
    return sum;
  };
  const [upright, three, one] = [await score(0), await score(3), await score(1)];
  return upright >= three && upright >= one ? 0 : three >= one ? 3 : 1;
}
