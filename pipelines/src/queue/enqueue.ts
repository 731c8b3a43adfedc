import { sha256Hex } from '@juesuan/extractor';
import type { Store } from '@juesuan/loader';
import { JuesuanError, errorLine } from '@juesuan/model';
import { DEFAULT_MAX_BYTES } from '../extract-file.ts';
import { RUN_VERSIONS } from '../ingest.ts';
import { fsPath } from '../input-path.ts';
import { readRegularFile } from '../limits.ts';
import { mebibytes } from '../sizes.ts';
import type { BlobStore } from './blob-store.ts';
import type { JobData, RetryPolicy } from './job-queue.ts';
import { INGEST_QUEUE, sendOptions } from './job-queue.ts';
import type PgBoss from 'pg-boss';

export type EnqueueResult = { file: string; status: 'queued' | 'skipped' | 'failed'; sha256: string | null; message: string };

export interface EnqueueOptions {
  blobsDir?: string;
  force?: boolean;
  ocr?: 'auto' | 'always' | 'never';
  dpi?: number;
  maxBytes?: number;
  retry: RetryPolicy;
}

/**
 * One file: its bytes stored once under their sha256, one job sent. The same bytes already loaded
 * at this program's extractor and parser versions (or already queued in this batch) are skipped unless `force`; pg-boss keeps one job per sha256
 * waiting at a time (its singleton key).
 */
export async function enqueueFile(boss: PgBoss, store: Store, blobs: BlobStore, file: string, options: EnqueueOptions, seen: Set<string>): Promise<EnqueueResult> {
  let bytes: Uint8Array;
  try {
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const read = readRegularFile(fsPath(file), max, file);
    if ('tooLarge' in read) return { file, status: 'failed', sha256: null, message: `${file}: ${mebibytes(read.tooLarge)}, over the limit of ${mebibytes(max)} (--max-mb)` };
    bytes = read.bytes;
  } catch (err) {
    return { file, status: 'failed', sha256: null, message: err instanceof JuesuanError ? err.message : `${file}: cannot read (${errorLine(err)})` };
  }
  const sha256 = sha256Hex(bytes);
  if (seen.has(sha256)) return { file, status: 'skipped', sha256, message: 'same bytes as another file of this batch' };
  seen.add(sha256);
  if (!options.force && (await store.hasSuccessfulRun(sha256, RUN_VERSIONS))) return { file, status: 'skipped', sha256, message: 'already ingested (same bytes and versions); use --force to run again' };
  await blobs.put(sha256, bytes);
  const supersedes = options.force ? (await store.rows<{ id: number }>('SELECT COALESCE(MAX(id), 0) AS id FROM runs WHERE document_sha256 = ?', [sha256]))[0]!.id : undefined;
  const data: JobData = { kind: 'ingest', sha256, file, ocr: options.ocr ?? 'auto', dpi: options.dpi, force: options.force ?? false, supersedes, blobs: options.blobsDir };
  const id = await boss.send(INGEST_QUEUE, data, { ...sendOptions(options.retry), singletonKey: sha256 });
  return id ? { file, status: 'queued', sha256, message: `job ${id}` } : { file, status: 'skipped', sha256, message: 'already waiting in the queue' };
}

/** One reparse job per document with a cached extraction. */
export async function enqueueReparse(boss: PgBoss, store: Store, retry: RetryPolicy): Promise<number> {
  let n = 0;
  for (const doc of await store.cachedDocuments()) {
    const data: JobData = { kind: 'reparse', sha256: doc.sha256, file: doc.file };
    if (await boss.send(INGEST_QUEUE, data, { ...sendOptions(retry), singletonKey: `reparse:${doc.sha256}` })) n++;
  }
  return n;
}
