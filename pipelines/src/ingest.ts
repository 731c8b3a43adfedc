import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import { sha256Hex } from '@juesuan/extractor';
import { extractionKey } from './extraction-key.ts';
import { linkPublications } from './link-publications.ts';
import type { Db } from '@juesuan/loader';
import { cacheExtraction, cachedExtraction, hasSuccessfulRun, loadRunOnce, recordFailedRun, recordUnreadableRun } from '@juesuan/loader';
import type { ParsedDocument } from '@juesuan/model';
import { JuesuanError } from '@juesuan/model';
import { parseDocument } from '@juesuan/parser';
import type { ExtractFileOptions } from './extract-file.ts';
import { DEFAULT_MAX_BYTES, extractFile } from './extract-file.ts';
import { withDocumentFindings } from './document-findings.ts';
import { fsPath } from './input-path.ts';
import { mebibytes } from './sizes.ts';

export interface IngestOptions extends ExtractFileOptions {
  force?: boolean;
  /** sha256 → file for the documents of this batch: the same bytes twice in one batch is an error */
  batch?: Map<string, string>;
  concurrency?: number;
  maxBytes?: number;
  onResult?: (result: FileResult) => void;
  /** called after each page of a PDF being extracted, for progress */
  onPageOf?: (file: string, done: number, total: number) => void;
  signal?: AbortSignal;
}

export type FileResult =
  | { file: string; status: 'ok'; sha256: string; runId: number; parsed: ParsedDocument; cached: boolean; seconds: number }
  | { file: string; status: 'skipped'; sha256: string; reason: string }
  | { file: string; status: 'failed'; sha256: string | null; code: string; message: string };

/** sha256 of a file too large to hold in memory. */
async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(fsPath(file))) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function errorOf(err: unknown, file: string): { code: string; message: string } {
  if (err instanceof JuesuanError) return { code: err.code, message: err.message };
  const msg = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: `${file}: ${msg.split('\n')[0]}` };
}

/** One file: read, (cached) extract, parse, load in one transaction. Never throws. */
export async function ingestFile(db: Db, file: string, options: IngestOptions = {}): Promise<FileResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  let bytes: Uint8Array;
  try {
    const size = statSync(fsPath(file)).size;
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (size > max) {
      const sha256 = await hashFile(file);
      const error = { code: 'too_large', message: `${file}: ${mebibytes(size)}, over the limit of ${mebibytes(max)} (--max-mb)` };
      recordFailedRun(db, { sha256, file, sizeBytes: size, format: null, pageCount: null }, error, startedAt);
      return { file, status: 'failed', sha256, ...error };
    }
    bytes = new Uint8Array(readFileSync(fsPath(file)));
  } catch (err) {
    const error = { code: 'unreadable', message: `${file}: cannot read (${(err as Error).message.split('\n')[0]})` };
    recordUnreadableRun(db, file, error, startedAt);
    return { file, status: 'failed', sha256: null, ...error };
  }
  const sha256 = sha256Hex(bytes);
  const info = { sha256, file, sizeBytes: bytes.length, format: null as string | null, pageCount: null as number | null };
  const first = options.batch?.get(sha256);
  if (first !== undefined && first !== file) return { file, status: 'skipped', sha256, reason: `same bytes as ${first} in this batch` };
  options.batch?.set(sha256, file);
  if (!options.force && hasSuccessfulRun(db, sha256)) return { file, status: 'skipped', sha256, reason: 'already ingested (same bytes); use --force to run again' };
  try {
    const key = extractionKey({ ocr: options.ocr, ocrDpi: options.ocrDpi });
    let extracted = cachedExtraction(db, sha256, key);
    const cached = extracted !== null;
    extracted ??= await extractFile(bytes, file, { ocr: options.ocr, ocrDpi: options.ocrDpi, maxPages: options.maxPages, onPage: options.onPageOf && ((done, total) => options.onPageOf!(file, done, total)) });
    if (!cached) cacheExtraction(db, extracted, key);
    info.format = extracted.format;
    info.pageCount = extracted.pageCount;
    const parsed = withDocumentFindings(parseDocument({ ...extracted, file }));
    const runId = loadRunOnce(db, info, extracted, parsed, startedAt, options.force);
    if (runId === null) return { file, status: 'skipped', sha256, reason: 'already ingested (same bytes, loaded meanwhile by another process)' };
    return { file, status: 'ok', sha256, runId, parsed, cached, seconds: (performance.now() - t0) / 1000 };
  } catch (err) {
    const e = errorOf(err, file);
    recordFailedRun(db, info, e, startedAt);
    return { file, status: 'failed', sha256, ...e };
  }
}

/** Many files through a bounded queue; results come back in input order. */
export async function ingestFiles(db: Db, files: string[], options: IngestOptions = {}): Promise<FileResult[]> {
  const queue = new PQueue({ concurrency: Math.max(1, options.concurrency ?? availableParallelism()) });
  const results: FileResult[] = new Array(files.length);
  const batch = options.batch ?? new Map<string, string>();
  files.forEach((file, i) => {
    void queue.add(async () => {
      if (options.signal?.aborted) {
        results[i] = { file, status: 'skipped', sha256: '', reason: 'interrupted' };
        return;
      }
      const r = await ingestFile(db, file, { ...options, batch });
      results[i] = r;
      options.onResult?.(r);
    });
  });
  await queue.onIdle();
  // the narrative half of a split publication is checked against its tables half
  if (results.some((r) => r?.status === 'ok')) linkPublications(db);
  return results;
}

/** A one-line summary of a file's result. */
export function describeResult(r: FileResult): string {
  if (r.status === 'failed') return `FAILED ${r.message} [${r.code}]`;
  if (r.status === 'skipped') return `skipped ${r.file}: ${r.reason}`;
  const m = r.parsed.meta;
  const errors = r.parsed.findings.filter((f) => f.severity === 'error').length;
  const warnings = r.parsed.findings.filter((f) => f.severity === 'warning').length;
  const standard = r.parsed.tables.filter((t) => t.kind !== 'other').length;
  return `ok ${r.file}: ${m.kind} ${m.fiscalYear ?? '?'} ${m.department ?? '?'} (${m.region.name ?? '?'}), ${r.parsed.tables.length} tables (${standard} standard), ${r.parsed.records.length} records, ${errors} errors, ${warnings} warnings${r.cached ? ', extraction cached' : ''}, ${r.seconds.toFixed(1)} s`;
}
