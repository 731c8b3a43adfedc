import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import { EXTRACTOR_VERSION, sha256Hex } from '@juesuan/extractor';
import type { LoadForce, RunVersions, Store } from '@juesuan/loader';
import { unreadableKey } from '@juesuan/loader';
import { JuesuanError, errorLine } from '@juesuan/model';
import { PARSER_VERSION, parseDocument } from '@juesuan/parser';
import type { ExtractFileOptions } from './extract-file.ts';
import { DEFAULT_MAX_BYTES } from './extract-file.ts';
import type { DocumentOutcome } from './extract-document.ts';
import { extractDocument } from './extract-document.ts';
import { ExtractPool } from './extract-pool.ts';
import type { DocumentSummary } from './extraction-findings.ts';
import { summarize, withExtractionFindings } from './extraction-findings.ts';
import { DEFAULT_LIMITS, DocumentLimits, readRegularFile } from './limits.ts';
import { withDocumentFindings } from './document-findings.ts';
import { extractionKey } from './extraction-key.ts';
import { fsPath } from './input-path.ts';
import { linkPublications } from './link-publications.ts';
import { mebibytes } from './sizes.ts';

export interface IngestOptions extends ExtractFileOptions {
  /** load again though these bytes were loaded at these versions (see LoadForce) */
  force?: LoadForce;
  /** sha256 → file for the documents of this batch: the same bytes twice in one batch is an error */
  batch?: Map<string, string>;
  concurrency?: number;
  maxBytes?: number;
  onResult?: (result: FileResult) => void;
  /** called after each page of a PDF being extracted, for progress */
  onPageOf?: (file: string, done: number, total: number) => void;
  signal?: AbortSignal;
  /** time, page, image and memory bounds of each document */
  limits?: Partial<DocumentLimits>;
  /** the batch's extraction workers (ingestFile alone starts and stops its own) */
  pool?: ExtractPool;
  /** read a large PDF's pages in several workers (set when no other document waits for them) */
  splitPages?: boolean;
  /** read the bytes from this path (a queue worker's copy of a stored file); `file` stays the name recorded */
  readFrom?: string;
}

export type FileResult =
  | { file: string; status: 'ok'; sha256: string; runId: number; summary: DocumentSummary; cached: boolean; seconds: number; peakMb: number | null }
  | { file: string; status: 'skipped'; sha256: string; reason: string }
  | { file: string; status: 'failed'; sha256: string | null; code: string; message: string };

/** sha256 of a file too large to hold in memory. */
async function hashFile(path: string | Buffer): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function errorOf(err: unknown, file: string): { code: string; message: string } {
  if (err instanceof JuesuanError) return { code: err.code, message: err.message };
  return { code: 'internal', message: `${file}: ${errorLine(err)}` };
}

/** The versions this program's runs are made with: the same bytes at the same versions are done already. */
export const RUN_VERSIONS: RunVersions = { extractor: EXTRACTOR_VERSION, parser: PARSER_VERSION };

/** One file: read, (cached) extract, parse, load in one transaction. Never throws. */
export async function ingestFile(store: Store, file: string, options: IngestOptions = {}): Promise<FileResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  let bytes: Uint8Array;
  try {
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const source = options.readFrom ?? fsPath(file);
    const read = readRegularFile(source, max, file);
    if ('tooLarge' in read) {
      const sha256 = await hashFile(source);
      const error = { code: 'too_large', message: `${file}: ${mebibytes(read.tooLarge)}, over the limit of ${mebibytes(max)} (--max-mb)` };
      await store.recordFailedRun({ sha256, file, sizeBytes: read.tooLarge, format: null, pageCount: null }, error, startedAt);
      return { file, status: 'failed', sha256, ...error };
    }
    bytes = read.bytes;
  } catch (err) {
    // a FIFO, a device, a folder, a file without read permission: a line and a failed run
    const error = err instanceof JuesuanError ? { code: err.code, message: err.message } : { code: 'unreadable', message: `${file}: cannot read (${errorLine(err)})` };
    await store.recordFailedRun({ sha256: unreadableKey(file), file, sizeBytes: 0, format: null, pageCount: null }, error, startedAt);
    return { file, status: 'failed', sha256: null, ...error };
  }
  const sha256 = sha256Hex(bytes);
  const info = { sha256, file, sizeBytes: bytes.length, format: null as string | null, pageCount: null as number | null };
  const first = options.batch?.get(sha256);
  if (first !== undefined && first !== file) return { file, status: 'skipped', sha256, reason: `same bytes as ${first} in this batch` };
  options.batch?.set(sha256, file);
  if (!options.force && (await store.hasSuccessfulRun(sha256, RUN_VERSIONS))) return { file, status: 'skipped', sha256, reason: 'already ingested (same bytes and versions); use --force to run again' };
  try {
    const key = extractionKey({ ocr: options.ocr, ocrDpi: options.ocrDpi });
    let extracted = await store.cachedExtraction(sha256, key);
    const cached = extracted !== null;
    let peakMb: number | null = null;
    if (!extracted) {
      const out = await extractInPool(file, bytes, options);
      if (!out.ok) {
        await store.recordFailedRun(info, out, startedAt);
        return { file, status: 'failed', sha256, code: out.code, message: out.message };
      }
      peakMb = out.peakMb;
      extracted = out.doc;
      await store.cacheExtraction(extracted, key);
    }
    info.format = extracted.format;
    info.pageCount = extracted.pageCount;
    const parsed = withExtractionFindings(withDocumentFindings(parseDocument({ ...extracted, file })), extracted);
    const runId = await store.loadRunOnce(info, extracted, parsed, startedAt, options.force);
    if (runId === null) return { file, status: 'skipped', sha256, reason: 'already ingested (same bytes and versions, loaded meanwhile by another process)' };
    return { file, status: 'ok', sha256, runId, summary: summarize(parsed, extracted), cached, seconds: (performance.now() - t0) / 1000, peakMb };
  } catch (err) {
    const e = errorOf(err, file);
    await store.recordFailedRun(info, e, startedAt).catch(() => {});
    return { file, status: 'failed', sha256, ...e };
  }
}

/** The defaults with the caller's limits over them, checked. */
function limitsOf(options: IngestOptions): DocumentLimits {
  return DocumentLimits.parse({ ...DEFAULT_LIMITS, ...options.limits });
}

/** Extraction in worker threads of the batch's pool (or a pool of one for this file alone). */
async function extractInPool(file: string, bytes: Uint8Array, options: IngestOptions): Promise<DocumentOutcome> {
  const pool = options.pool ?? new ExtractPool(limitsOf(options));
  try {
    return await extractDocument(pool, file, bytes, { ocr: options.ocr, ocrDpi: options.ocrDpi, split: options.splitPages, onPage: options.onPageOf && ((done, total) => options.onPageOf!(file, done, total)) });
  } finally {
    if (!options.pool) await pool.close();
  }
}

/**
 * Documents in flight when not told: one a core, less one for the main thread (it parses and writes)
 * and the line recogniser's threads. On 2 cores one document at a time read scans as fast as two
 * (real/uneven: 145 s against 144–162 s for 126 pages), text as fast (7.7–9.5 s against 8.3–8.8 s
 * for 11 reports), with 300 MB less at the peak (780 MiB against 1,020–1,080).
 */
export const defaultConcurrency = (): number => Math.max(1, availableParallelism() - 1);

/** Many files through a bounded queue, extracted in worker threads; results come back in input order. */
export async function ingestFiles(store: Store, files: string[], options: IngestOptions = {}): Promise<FileResult[]> {
  const concurrency = Math.max(1, options.concurrency ?? defaultConcurrency());
  // with several workers, one more document in flight, so a worker is not idle while the writer parses;
  // --concurrency 1 stays one document at a time, in order
  const queue = new PQueue({ concurrency: concurrency > 1 ? concurrency + 1 : 1 });
  const results: FileResult[] = new Array(files.length);
  const batch = options.batch ?? new Map<string, string>();
  const pool = options.pool ?? new ExtractPool(limitsOf(options), concurrency);
  let started = 0;
  files.forEach((file, i) => {
    void queue.add(async () => {
      // the last documents, fewer than the workers, may be read in parts (a long one): no worker waits idle for one of them
      // (counted, not queue.size: the first documents start before the others are added)
      const splitPages = files.length - ++started < pool.workers();
      if (options.signal?.aborted) {
        results[i] = { file, status: 'skipped', sha256: '', reason: 'interrupted' };
        return;
      }
      const r = await ingestFile(store, file, { ...options, batch, pool, splitPages });
      results[i] = r;
      options.onResult?.(r);
    });
  });
  await queue.onIdle();
  if (!options.pool) await pool.close();
  // the narrative half of a split publication is checked against its tables half
  if (results.some((r) => r?.status === 'ok')) await linkPublications(store);
  return results;
}

/** A one-line summary of a file's result. */
export function describeResult(r: FileResult): string {
  if (r.status === 'failed') return `FAILED ${r.message} [${r.code}]`;
  if (r.status === 'skipped') return `skipped ${r.file}: ${r.reason}`;
  const s = r.summary;
  const m = s.meta;
  const standard = s.tableKinds.filter((k) => k !== 'other').length;
  const failedPages = s.failedPages.length ? `, pages ${s.failedPages.join(',')} FAILED` : '';
  const notes = s.notes.length ? `, left out: ${s.notes.join(', ')}` : '';
  return `ok ${r.file}: ${m.kind} ${m.fiscalYear ?? '?'} ${m.department ?? '?'} (${m.region.name ?? '?'}), ${s.tables} tables (${standard} standard), ${s.records} records, ${s.errors} errors, ${s.warnings} warnings${failedPages}${notes}${r.cached ? ', extraction cached' : ''}, ${r.seconds.toFixed(1)} s`;
}
