import PgBoss from 'pg-boss';
import { z } from 'zod';
import { ASKED_DPI } from '@juesuan/extractor';

export const INGEST_QUEUE = 'juesuan-ingest';
export const DEAD_QUEUE = 'juesuan-dead';

/** A queued document: its bytes are in the blob store under sha256; `file` is the name recorded. */
export const IngestJob = z.object({
  kind: z.literal('ingest'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  file: z.string().min(1),
  ocr: z.enum(['auto', 'always', 'never']).default('auto'),
  /** the resolution OCR draws pages at; none: each page as it is */
  dpi: z.number().int().min(ASKED_DPI.min).max(ASKED_DPI.max).optional(),
  force: z.boolean().default(false),
  /** with force: the document's latest run when the job was queued; the job writes one run after it, however often it is done */
  supersedes: z.number().int().nonnegative().optional(),
  /** the worker reads blobs from this folder; absent: from the database */
  blobs: z.string().min(1).optional(),
});
/** A cached extraction parsed again (one document). */
export const ReparseJob = z.object({ kind: z.literal('reparse'), sha256: z.string().regex(/^[0-9a-f]{64}$/), file: z.string() });
export const JobData = z.discriminatedUnion('kind', [IngestJob, ReparseJob]);
export type JobData = z.infer<typeof JobData>;

/** How a job is retried: `retries` more attempts, the delay doubling from `retryDelaySeconds`, then the dead-letter queue. */
export interface RetryPolicy {
  retries: number;
  retryDelaySeconds: number;
  timeLimitSeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, retryDelaySeconds: 30, timeLimitSeconds: 1800 };

/** pg-boss on the dataset's PostgreSQL (its own schema `pgboss`), with the two queues made. */
export async function openBoss(url: string, options: { maintenanceSeconds?: number; supervise?: boolean } = {}): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, max: 4, supervise: options.supervise ?? true, maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30, schedule: false });
  boss.on('error', (err) => process.stderr.write(`juesuan: queue: ${err.message}\n`));
  await boss.start();
  for (const name of [DEAD_QUEUE, INGEST_QUEUE]) {
    // 'short': one job per singleton key (a document's sha256) waiting at a time
    if (!(await boss.getQueue(name))) await boss.createQueue(name, name === INGEST_QUEUE ? { name, policy: 'short', deadLetter: DEAD_QUEUE } : { name });
  }
  return boss;
}

export const sendOptions = (p: RetryPolicy): PgBoss.SendOptions => ({
  retryLimit: p.retries,
  retryDelay: p.retryDelaySeconds,
  retryBackoff: true,
  expireInSeconds: p.timeLimitSeconds,
  deadLetter: DEAD_QUEUE,
});
