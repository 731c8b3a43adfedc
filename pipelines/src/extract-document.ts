import { assembleDocument, readAgainFailed, sha256Hex, withNotes } from '@juesuan/extractor';
import type { OcrMode } from '@juesuan/extractor';
import { ExtractedDocument } from '@juesuan/model';
import type { PageCount, PageRange } from './extract-messages.ts';
import { isPdfInput } from './extract-file.ts';
import type { ExtractPool, PoolOutcome } from './extract-pool.ts';

export type DocumentOutcome = { ok: true; doc: ExtractedDocument; peakMb: number } | { ok: false; code: string; message: string };

export interface SplitOptions {
  ocr?: OcrMode;
  ocrDpi?: number;
  /** read the pages of a large PDF in several workers at once (when no other document waits for them) */
  split?: boolean;
  /** pages of a part at the least (default 16: each part opens the document and parses its fonts again) */
  minPartPages?: number;
  /** progress of OCR, page by page */
  onPage?: (done: number, total: number) => void;
}

const failure = (out: Exclude<PoolOutcome, { ok: true }>): DocumentOutcome => ({ ok: false, code: out.code, message: out.message });
const mb = (bytes: number) => bytes / 2 ** 20;

/** A document's extraction in the pool's workers: whole, or, when worth it, its pages in parts. */
export async function extractDocument(pool: ExtractPool, file: string, bytes: Uint8Array, options: SplitOptions = {}): Promise<DocumentOutcome> {
  const job = { ocr: options.ocr, ocrDpi: options.ocrDpi };
  const minPart = options.minPartPages ?? 16;
  if (options.split && pool.workers() > 1 && isPdfInput(bytes, file)) {
    const count = await pool.extract(file, bytes, { ...job, pages: 'count' });
    if (!count.ok) return failure(count);
    const { pageCount, notes } = JSON.parse(count.json) as PageCount;
    if (pageCount >= 2 * minPart) return extractInParts(pool, file, bytes, { pageCount, notes, job, minPart });
  }
  const out = await pool.extract(file, bytes, { ...job, onPage: options.onPage });
  return out.ok ? { ok: true, doc: JSON.parse(out.json) as ExtractedDocument, peakMb: mb(out.peakBytes) } : failure(out);
}

/** One part a worker: each part costs a fresh open of the document and its fonts. */
async function extractInParts(
  pool: ExtractPool,
  file: string,
  bytes: Uint8Array,
  p: { pageCount: number; notes: PageCount['notes']; job: { ocr?: OcrMode; ocrDpi?: number }; minPart: number },
): Promise<DocumentOutcome> {
  const size = Math.max(p.minPart, Math.ceil(p.pageCount / pool.workers()));
  const parts: Array<{ first: number; last: number }> = [];
  for (let first = 1; first <= p.pageCount; first += size) parts.push({ first, last: Math.min(p.pageCount, first + size - 1) });
  const outs = await Promise.all(parts.map((pages) => pool.extract(file, bytes, { ...p.job, pages })));
  const failed = outs.find((o) => !o.ok);
  if (failed && !failed.ok) return failure(failed);
  const ranges = outs.map((o) => (o.ok ? (JSON.parse(o.json) as PageRange) : null)).filter((r) => r !== null);
  const doc = assembleDocument(
    ranges.flatMap((r) => r.layouts),
    { file, sha256: sha256Hex(bytes), format: 'pdf' },
  );
  const peak = Math.max(...outs.map((o) => (o.ok ? o.peakBytes : 0)));
  const read = await readAgainInWorker(pool, file, bytes, doc, p.job);
  return { ok: true, doc: withNotes(read.doc, p.notes), peakMb: mb(Math.max(peak, read.peakBytes)) };
}

/**
 * A document assembled from parts has its doubtful OCR cells read again in a worker, as a whole
 * document's are; if that fails, the first readings stand (their flags say what is doubtful).
 */
async function readAgainInWorker(pool: ExtractPool, file: string, bytes: Uint8Array, doc: ExtractedDocument, job: { ocr?: OcrMode; ocrDpi?: number }): Promise<{ doc: ExtractedDocument; peakBytes: number }> {
  if (!doc.pages.some((pg) => pg.source === 'ocr')) return { doc, peakBytes: 0 };
  const out = await pool.extract(file, bytes, { ...job, readAgain: JSON.stringify(doc) });
  return out.ok ? { doc: ExtractedDocument.parse(JSON.parse(out.json)), peakBytes: out.peakBytes } : { doc: withNotes(doc, [readAgainFailed(file, null, out.message)]), peakBytes: 0 };
}
