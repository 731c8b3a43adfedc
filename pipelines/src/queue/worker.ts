import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type PgBoss from 'pg-boss';
import type { Store } from '@juesuan/loader';
import { errorLine } from '@juesuan/model';
import { ExtractPool } from '../extract-pool.ts';
import type { FileResult } from '../ingest.ts';
import { describeResult, ingestFile } from '../ingest.ts';
import { DEFAULT_LIMITS } from '../limits.ts';
import { linkPublications } from '../link-publications.ts';
import { reparseAll } from '../reparse.ts';
import type { BlobStore } from './blob-store.ts';
import { folderBlobs } from './blob-store.ts';
import type { JobData } from './job-queue.ts';
import { INGEST_QUEUE, JobData as JobDataSchema } from './job-queue.ts';

export interface WorkerOptions {
  concurrency: number;
  /** seconds a stopping worker waits for its jobs before handing them back */
  graceSeconds: number;
  log: (line: string) => void;
}

/** A document that failed for a reason of its own (not a PDF, encrypted…) is done; anything else is retried. */
const retryable = (r: FileResult) => r.status === 'failed' && r.code === 'internal';

/** One job: the bytes copied to a private folder under the file's name, ingested, publications linked. */
async function runJob(store: Store, dbBlobs: BlobStore, pool: ExtractPool, data: JobData): Promise<string> {
  if (data.kind === 'reparse') {
    const [r] = await reparseAll(store, { sha256: data.sha256 });
    if (r?.error) throw new Error(`${data.file}: ${r.error}`);
    return r ? `reparsed ${data.file}: ${r.changed ? `run ${r.runId}` : 'unchanged'}` : `reparse ${data.file}: no cached extraction`;
  }
  const bytes = await (data.blobs ? folderBlobs(data.blobs) : dbBlobs).get(data.sha256);
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-job-'));
  try {
    const copy = join(dir, basename(data.file));
    writeFileSync(copy, bytes);
    // a job done twice writes one run: the same versions' run is there, or (forced) one newer than the run it supersedes
    const force = data.force && (data.supersedes === undefined ? true : { after: data.supersedes });
    // the extraction keeps the pool's limits (time per page, memory), as in `juesuan ingest`
    const r = await ingestFile(store, data.file, { readFrom: copy, force, ocr: data.ocr, ocrDpi: data.dpi, pool });
    if (retryable(r)) throw new Error(describeResult(r));
    if (r.status === 'ok') await linkPublications(store);
    return describeResult(r);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Takes jobs until stopped: `concurrency` at a time, extraction in a pool of as many threads. On
 * SIGTERM/SIGINT it takes no new job, waits up to graceSeconds for those in flight, and hands the
 * rest back to the queue (failed now, so another worker retries them).
 */
export async function runWorker(boss: PgBoss, store: Store, dbBlobs: BlobStore, options: WorkerOptions): Promise<void> {
  const pool = new ExtractPool(DEFAULT_LIMITS, options.concurrency);
  const inFlight = new Map<string, Promise<unknown>>();
  const handle = async ([job]: Array<PgBoss.Job<unknown>>) => {
    const data = JobDataSchema.parse(job!.data);
    const t0 = performance.now();
    options.log(`started ${data.kind} ${data.file} [job ${job!.id}]`);
    const done = runJob(store, dbBlobs, pool, data);
    inFlight.set(job!.id, done);
    try {
      const line = await done;
      options.log(`${line} [job ${job!.id}, ${((performance.now() - t0) / 1000).toFixed(1)} s]`);
      return { line };
    } catch (err) {
      options.log(`FAILED ${data.file}: ${errorLine(err)} [job ${job!.id}, will be retried or dead-lettered]`);
      throw err;
    } finally {
      inFlight.delete(job!.id);
    }
  };
  for (let i = 0; i < options.concurrency; i++) await boss.work(INGEST_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, handle);
  await new Promise<void>((resolve) => {
    const stop = async () => {
      options.log(`stopping: no new jobs; ${inFlight.size} in flight get ${options.graceSeconds} s to finish`);
      await boss.offWork(INGEST_QUEUE);
      const timedOut = await Promise.race([Promise.allSettled([...inFlight.values()]).then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), options.graceSeconds * 1000).unref())]);
      if (timedOut && inFlight.size > 0) {
        for (const id of inFlight.keys()) await boss.fail(INGEST_QUEUE, id, { message: 'worker stopped before the job finished' });
        options.log(`handed back ${inFlight.size} jobs`);
      }
      resolve();
    };
    process.once('SIGTERM', () => void stop());
    process.once('SIGINT', () => void stop());
  });
  await boss.stop({ graceful: false, wait: true, close: true });
  await pool.close();
}
