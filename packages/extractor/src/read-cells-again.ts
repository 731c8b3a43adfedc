import type { BBox, Cell, CellAt, ExtractedDocument } from '@juesuan/model';
import { CellAt as CellAtSchema } from '@juesuan/model';
import type { ExtractPdfOptions } from './extract-pdf.ts';
import { binarize, faintInkThreshold, rotateQuarter } from './ocr/image-ops.ts';
import type { Rect } from './ocr/image-ops.ts';
import { cellInkBox, pageImage } from './ocr/ocr-page.ts';
import { readAgain } from './ocr/read-again.ts';
import { AMOUNT_LIKE, withoutSplitFour } from './ocr/read-cells.ts';
import { sharedOcrEngine } from './ocr/tesseract-pool.ts';
import { openPdfSource } from './pdf/pdf-source.ts';

/** Cells read again at most, a document: each takes a recognition call a look. */
export const MAX_CELLS_AGAIN = 40;

const sameBox = (a: BBox, b: BBox) => Math.abs(a.x0 - b.x0) < 0.01 && Math.abs(a.y0 - b.y0) < 0.01 && Math.abs(a.x1 - b.x1) < 0.01 && Math.abs(a.y1 - b.y1) < 0.01;

/**
 * OCR cells of a document read again from their pages' images, in more ways than the first
 * reading (see LOOKS): what each reads is added to the cell's other readings, for the identities
 * to choose between. A cell that gave no amount takes the first amount read, unsure (so flagged).
 * Pages are drawn again exactly as OCR drew them, one at a time.
 */
export async function readCellsAgain(bytes: Uint8Array, file: string, doc: ExtractedDocument, cells: CellAt[], options: ExtractPdfOptions): Promise<ExtractedDocument> {
  const wanted = CellAtSchema.array().parse(cells).filter((c) => doc.pages.find((p) => p.number === c.page)?.source === 'ocr').slice(0, MAX_CELLS_AGAIN);
  if (wanted.length === 0) return doc;
  const pdf = await openPdfSource(bytes, file, options);
  const readings = new Map<CellAt, string[]>();
  try {
    const drawable = await pdf.drawable();
    for (const number of [...new Set(wanted.map((c) => c.page))]) {
      const turned = doc.pages.find((p) => p.number === number)?.turned;
      const found = await pageImage(drawable, number, options.ocrDpi);
      const img = turned ? rotateQuarter(found.img, turned === 90 ? 3 : 1) : found.img;
      const ink = { bin: binarize(img, found.threshold), halo: binarize(img, faintInkThreshold(found.threshold)), width: img.width, scale: img.scale };
      const onPage = wanted.flatMap((c) => {
        const box = c.page === number ? cellInkBox(ink, c.bbox) : null;
        return box ? [{ c, box }] : [];
      });
      const read = await readAgain(img, onPage.map((x): Rect => x.box), options.engine ?? sharedOcrEngine());
      onPage.forEach(({ c }, k) => readings.set(c, read[k]!));
    }
  } finally {
    await pdf.close();
  }
  const tables = doc.tables.map((t) => ({
    ...t,
    cells: t.cells.map((cell) => {
      const found = [...readings].find(([c]) => c.page === cell.page && sameBox(c.bbox, cell.bbox));
      return found && cell.source === 'ocr' ? withReadings(cell, found[1]) : cell;
    }),
  }));
  return { ...doc, tables };
}

const digitsOf = (t: string) => t.replace(/\D/g, '').length;
const twoDecimals = (t: string) => /[.,]\d{2}\)?$/.test(t);

/**
 * A reading that may be the cell's amount: as many digits as the first reading (one more or
 * fewer), its decimals alike; or, where it read no amount or a digit or two (13,377.11 as 9), three digits at least.
 */
export function fitsCell(reading: string, cellText: string): boolean {
  if (!AMOUNT_LIKE.test(cellText.replace(/\s+/g, '')) || digitsOf(cellText) <= 2) return digitsOf(reading) >= 3;
  return Math.abs(digitsOf(reading) - digitsOf(cellText)) <= 1 && twoDecimals(reading) === twoDecimals(cellText);
}

/** A cell with more readings: beside its amount; or, where it read none, the first amount in its place, unsure. */
export function withReadings(cell: Cell, readings: string[]): Cell {
  const others = [...new Set(readings.map((t) => withoutSplitFour(cell.text, t)))].filter((t) => t !== cell.text && fitsCell(t, cell.text));
  if (others.length === 0) return cell;
  if (AMOUNT_LIKE.test(cell.text.replace(/\s+/g, ''))) return { ...cell, alternatives: [...new Set([...(cell.alternatives ?? []), ...others])] };
  const [first, ...rest] = others as [string, ...string[]];
  const alternatives = [...new Set([...(cell.alternatives ?? []), ...rest])].filter((t) => t !== first);
  return { ...cell, text: first, confidence: Math.min(0.5, cell.confidence || 0.5), ...(alternatives.length ? { alternatives } : {}) };
}
