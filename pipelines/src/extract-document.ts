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
  /** pages of a scan's part at the least (default 4: a page's OCR costs far more than opening the document again) */
  minScanPartPages?: number;
  /** progress of OCR, page by page */
  onPage?: (done: number, total: number) => void;
}

const failure = (out: Exclude<PoolOutcome, { ok: true }>): DocumentOutcome => ({ ok: false, code: out.code, message: out.message });
const mb = (bytes: number) => bytes / 2 ** 20;

/** A document's extraction in the pool's workers: whole, or, when worth it, its pages in parts. */
export async function extractDocument(pool: ExtractPool, file: string, bytes: Uint8Array, options: SplitOptions = {}): Promise<DocumentOutcome> {
  const job = { ocr: options.ocr, ocrDpi: options.ocrDpi };
  if (options.split && pool.workers() > 1 && isPdfInput(bytes, file)) {
    const count = await pool.extract(file, bytes, { ...job, pages: 'count' });
    if (!count.ok) return failure(count);
    const { pageCount, scanned, notes } = JSON.parse(count.json) as PageCount;
    const minPart = scanned ? (options.minScanPartPages ?? 4) : (options.minPartPages ?? 16);
    // a scan in small parts: a worker freed by another document takes the parts left, so none waits idle for the last one
    const size = Math.max(minPart, Math.ceil(pageCount / (pool.workers() * (scanned ? 2 : 1))));
    if (pageCount >= 2 * minPart) return extractInParts(pool, file, bytes, { pageCount, notes, job, size, onPage: options.onPage });
  }
  const out = await pool.extract(file, bytes, { ...job, onPage: options.onPage });
  return out.ok ? { ok: true, doc: JSON.parse(out.json) as ExtractedDocument, peakMb: mb(out.peakBytes) } : failure(out);
}

/** One part a worker: each part costs a fresh open of the document and its fonts. */
async function extractInParts(
  pool: ExtractPool,
  file: string,
  bytes: Uint8Array,
  p: { pageCount: number; notes: PageCount['notes']; job: { ocr?: OcrMode; ocrDpi?: number }; size: number; onPage?: SplitOptions['onPage'] },
): Promise<DocumentOutcome> {
  const parts: Array<{ first: number; last: number }> = [];
  for (let first = 1; first <= p.pageCount; first += p.size) parts.push({ first, last: Math.min(p.pageCount, first + p.size - 1) });
  // progress over the whole document: OCR pages begun, in any part
  let begun = 0;
  const onPage = p.onPage && (() => p.onPage!(++begun, p.pageCount));
  const outs = await Promise.all(parts.map((pages) => pool.extract(file, bytes, { ...p.job, pages, ...(onPage ? { onPage } : {}) })));
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
