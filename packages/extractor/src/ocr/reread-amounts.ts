import type { TextRun } from '@juesuan/model';
import type { GrayImage } from '../pdf/render-page.ts';
import type { Rect } from './image-ops.ts';
import type { PageKind } from './read-cells.ts';
import { AMOUNT_LIKE, BARELY_READ, CJK, normalizeOcrAmount, readCells, stemsMended } from './read-cells.ts';
import type { OcrEngine } from './tesseract-pool.ts';

/** A reading the two models disagree on is this sure at most: the parser flags it (under 0.8). */
const DISPUTED = 0.7;

/** A piece of a text line read outside the image grids, with its box on the page image. */
export interface LinePiece {
  run: TextRun;
  rect: Rect;
}

/** What the Chinese model made of an amount: the amount, nothing at all, or digits among Latin letters. */
export function mayBeAmount(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t === '' || AMOUNT_LIKE.test(t) || (!CJK.test(t) && /\d/.test(t));
}

/**
 * Amounts outside the image grids (a table ruled across only, or not at all) were read with the
 * text lines, by the line recogniser (or tesseract's Chinese model, which now and then drops a
 * digit or reads nothing). Pieces that may be amounts are read again as cells are (digits first,
 * other readings when unsure): the runs to keep. Where the two readings differ the cell's wins,
 * unsure, the other kept beside it; on a black-and-white page, where they differ only at the
 * cell's 1s (a fax's broken 4: 2,849,034.00 read 2,819,034.00), the line's digits are taken, unsure.
 */
export async function rereadAmounts(img: GrayImage, pieces: LinePiece[], engine: OcrEngine, page: PageKind): Promise<TextRun[]> {
  if (pieces.length === 0) return [];
  const read = await readCells(img, pieces.map((p) => ({ rect: p.rect, lines: 1 })), engine, page);
  return pieces.flatMap(({ run }, k) => {
    const r = read[k]!;
    const sure = run.confidence ?? 0;
    const kept = run.text !== '' && sure >= BARELY_READ ? [run] : [];
    // a cell reading barely sure of itself (a speck read as 1) changes nothing
    if (!AMOUNT_LIKE.test(r.text.replace(/\s+/g, '')) || r.confidence < BARELY_READ) return kept;
    const first = run.text === '' ? r.text : normalizeOcrAmount(run.text);
    // on a black-and-white page, the line's digits where the cell's reading has the bare stem 1 of a broken 4, as on cells
    const text = (page.bilevel ? stemsMended(r.text, first) : null) ?? r.text;
    const alternatives = [...new Set([...(r.alternatives ?? []), first, r.text])].filter((a) => a !== text);
    const confidence = first === r.text ? Math.max(r.confidence, sure) : Math.min(r.confidence, DISPUTED);
    return [{ ...run, text, confidence: Math.max(0, Math.min(1, confidence)), ...(alternatives.length > 0 ? { alternatives } : {}) }];
  });
}
