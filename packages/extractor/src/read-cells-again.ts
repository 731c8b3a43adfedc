import type { BBox, Cell, CellAt, ExtractedDocument, ExtractionNote } from '@juesuan/model';
import { CellsToRead, ExtractedDocument as ExtractedDocumentSchema, errorLine } from '@juesuan/model';
import type { ReadOptions } from './extract-pdf.ts';
import { binarize, faintInkThreshold, rotateQuarter } from './ocr/image-ops.ts';
import type { Rect } from './ocr/image-ops.ts';
import { DocumentDigits } from './ocr/document-digits.ts';
import { cellInkBox, pageImage } from './ocr/ocr-page.ts';
import { readAgain } from './ocr/read-again.ts';
import type { GrayImage } from './pdf/render-page.ts';
import { AMOUNT_LIKE, withoutSplitFour } from './ocr/read-cells.ts';
import { endsShort, hasTwoDecimals } from './ocr/amount-style.ts';
import { sharedOcrEngine } from './ocr/tesseract-pool.ts';
import type { PdfSource } from './pdf/pdf-source.ts';
import { openPdfSource } from './pdf/pdf-source.ts';

/** Cells read again in every look at most, a document: each takes a recognition call a look. */
export const MAX_CELLS_AGAIN = 40;

const sameBox = (a: BBox, b: BBox) => Math.abs(a.x0 - b.x0) < 0.01 && Math.abs(a.y0 - b.y0) < 0.01 && Math.abs(a.x1 - b.x1) < 0.01 && Math.abs(a.y1 - b.y1) < 0.01;

/**
 * OCR cells of a document read again from their pages' images, in more ways than the first
 * reading (see LOOKS), and by the document's own digits (learned from the known cells, whose sums
 * hold): what each reads is added to the cell's other readings, for the identities to choose
 * between. A cell that gave no amount takes the first amount read, unsure (so flagged).
 * Pages are taken as OCR kept them or drawn again exactly so, one at a time. A page that fails to be read
 * again (or a document that fails to open) keeps its first readings: they stand flagged as they were.
 */
export async function readCellsAgain(bytes: Uint8Array, file: string, doc: ExtractedDocument, toRead: CellsToRead, options: ReadOptions): Promise<ExtractedDocument> {
  const ocrPage = (c: CellAt) => doc.pages.find((p) => p.number === c.page)?.source === 'ocr';
  const { again, known, glyphs } = CellsToRead.parse(toRead);
  const wanted = again.filter(ocrPage);
  // values a repair made are seen by the document's digits only (their glyphs can gainsay a guessed digit)
  const seenOnly = glyphs.filter((g) => ocrPage(g) && !wanted.some((c) => c.page === g.page && sameBox(c.bbox, g.bbox)));
  if (wanted.length === 0 && seenOnly.length === 0) return doc;
  // every cell asked for is read by the document's digits (a few sums a cell); the first few dozen also in every look (a call a look)
  const looked = new Set(wanted.slice(0, MAX_CELLS_AGAIN));
  const readings = new Map<CellAt, string[]>();
  const digits = new DocumentDigits<CellAt>();
  const failed: ExtractionNote[] = [];
  const pdf = await openPdfSource(bytes, file, options).catch((err: unknown) => void failed.push(readAgainFailed(file, null, err)));
  if (!pdf) return withNotes(doc, failed);
  try {
    const pages = [...new Set([...wanted, ...seenOnly].map((c) => c.page))];
    const notes: Array<ExtractionNote | undefined> = pages.map(() => undefined);
    // a page drawn while the one before it is recognised (as on the first reading): two page images held at most
    let reading: Promise<void> = Promise.resolve();
    for (const [k, number] of pages.entries()) {
      const onPage = (cells: CellAt[]) => cells.filter((c) => c.page === number);
      const fail = (err: unknown) => void (notes[k] ??= readAgainFailed(file, number, err));
      const looks = await lookAtPageAgain(pdf, doc, number, { again: onPage([...wanted, ...seenOnly]), known: onPage(known) }, { digits, looked }, options).catch(fail);
      await reading;
      if (!looks) continue;
      reading = readAgain(looks.img, looks.boxes, options.engine ?? sharedOcrEngine()).then((read) => looks.cells.forEach((c, n) => readings.set(c, read[n]!)), fail);
    }
    await reading;
    failed.push(...notes.filter((n) => n !== undefined));
  } finally {
    await pdf.close();
  }
  const byDigits = [...digits.read()];
  const tables = doc.tables.map((t) => ({
    ...t,
    cells: t.cells.map((cell) => {
      if (cell.source !== 'ocr') return cell;
      const at = ([c]: [CellAt, unknown]) => c.page === cell.page && sameBox(c.bbox, cell.bbox);
      const seen = byDigits.find(at)?.[1];
      // a repaired value's glyphs only: the digits' reading of it joins no readings (misreads of theirs would)
      const digitsText = seenOnly.some((g) => at([g, null])) ? undefined : (seen?.text ?? undefined);
      const texts = [...([...readings].find(at)?.[1] ?? []), ...(digitsText === undefined ? [] : [digitsText])];
      const read = texts.length > 0 ? withDigitsRead(withReadings(cell, texts), digitsText) : cell;
      return seen ? { ...read, digitLikeness: seen.likeness } : read;
    }),
  }));
  return ExtractedDocumentSchema.parse(withNotes({ ...doc, tables }, failed));
}

/** A note that reading cells again failed: the first readings stand, flagged as they were. */
export function readAgainFailed(file: string, page: number | null, err: unknown): ExtractionNote {
  const why = errorLine(err);
  return { code: 'read_again_failed', message: `${file}: OCR cells of broken sums could not be read again${page ? ` on page ${page}` : ''} (${why}); their first readings stand`, page };
}

export const withNotes = (doc: ExtractedDocument, notes: ExtractionNote[]): ExtractedDocument => (notes.length ? { ...doc, notes: [...(doc.notes ?? []), ...notes] } : doc);

/**
 * One page's cells to read again: the page drawn and turned as OCR had it, each cell's glyphs found
 * again; its known cells and the cells to read given to the document's digits. The cells to look
 * at again come back with their glyphs' boxes on the page's image, for the recognisers.
 */
async function lookAtPageAgain(pdf: PdfSource, doc: ExtractedDocument, number: number, cells: Pick<CellsToRead, 'again' | 'known'>, by: { digits: DocumentDigits<CellAt>; looked: ReadonlySet<CellAt> }, options: ReadOptions): Promise<{ img: GrayImage; cells: CellAt[]; boxes: Rect[] }> {
  const turned = doc.pages.find((p) => p.number === number)?.turned;
  const found = (await options.pageImages?.take(number, options.ocrDpi)) ?? (await pageImage(await pdf.drawable(), number, options.ocrDpi));
  const img = turned ? rotateQuarter(found.img, turned === 90 ? 3 : 1) : found.img;
  const ink = { bin: binarize(img, found.threshold), halo: binarize(img, faintInkThreshold(found.threshold)), width: img.width, scale: img.scale };
  const boxed = (list: CellAt[]) =>
    list.flatMap((c) => {
      const box = cellInkBox(ink, c.bbox);
      return box ? [{ c, box }] : [];
    });
  const onPage = boxed(cells.again);
  const pageCells = doc.tables.flatMap((t) => t.cells.filter((x) => x.page === number));
  const known = boxed(cells.known).flatMap(({ c, box }) => {
    const text = pageCells.find((x) => sameBox(x.bbox, c.bbox))?.text;
    return text ? [{ rect: box, text }] : [];
  });
  // only the cells asked for: with every amount of the page read by the digits too, a fax came out 4 amounts worse (their misreads join the readings)
  by.digits.addPage(img, { bin: ink.bin, threshold: found.threshold }, known, onPage.map(({ c, box }) => ({ key: c, rect: box })));
  const looks = onPage.filter(({ c }) => by.looked.has(c));
  return { img, cells: looks.map((x) => x.c), boxes: looks.map((x) => x.box) };
}

const digitsOf = (t: string) => t.replace(/\D/g, '').length;

/** Whether a reading's digits begin with the cell's, one of them allowed to differ (a misread beside the cut). */
function beginsWithDigitsOf(reading: string, cellText: string): boolean {
  const [r, c] = [reading.replace(/\D/g, ''), cellText.replace(/\D/g, '')];
  return r.length > c.length && [...c].filter((d, k) => r[k] !== d).length <= 1;
}

/**
 * A reading that may be the cell's amount: as many digits as the first reading (one more or
 * fewer), its decimals alike; where the first cut the decimals short (196. for 196.72, 21,455.3
 * for 21,955.35), one that prints two after its digits, one of them allowed to differ; or, where it read no amount or a digit or two (13,377.11 as 9), three digits at least.
 */
export function fitsCell(reading: string, cellText: string): boolean {
  if (!AMOUNT_LIKE.test(cellText.replace(/\s+/g, '')) || digitsOf(cellText) <= 2) return digitsOf(reading) >= 3;
  if (endsShort(cellText)) return hasTwoDecimals(reading) && beginsWithDigitsOf(reading, cellText);
  return Math.abs(digitsOf(reading) - digitsOf(cellText)) <= 1 && hasTwoDecimals(reading) === hasTwoDecimals(cellText);
}

/** A cell with the document's digits' reading marked, where it is one of the cell's readings (it fits the cell). */
function withDigitsRead(cell: Cell, text: string | undefined): Cell {
  return text !== undefined && text !== cell.text && cell.alternatives?.includes(text) ? { ...cell, digitsRead: text } : cell;
}

/** A cell with more readings: beside its amount; or, where it read none (or one cut short), the first amount in its place, unsure. */
export function withReadings(cell: Cell, readings: string[]): Cell {
  // a reading with a split 4 made whole goes beside the reading as made (a dropped 4 looks the same)
  const others = [...new Set(readings.flatMap((t) => [t, withoutSplitFour(cell.text, t)]))].filter((t) => t !== cell.text && fitsCell(t, cell.text));
  if (others.length === 0) return cell;
  // an amount cut short (196.) is none: the reading that makes it whole takes its place, unsure
  if (AMOUNT_LIKE.test(cell.text.replace(/\s+/g, '')) && !endsShort(cell.text)) return { ...cell, alternatives: [...new Set([...(cell.alternatives ?? []), ...others])] };
  const [first, ...rest] = others as [string, ...string[]];
  const alternatives = [...new Set([...(cell.alternatives ?? []), ...rest])].filter((t) => t !== first);
  return { ...cell, text: first, confidence: Math.min(0.5, cell.confidence || 0.5), ...(alternatives.length ? { alternatives } : {}) };
}
