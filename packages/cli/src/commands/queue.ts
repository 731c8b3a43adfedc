import type { Command } from 'commander';
import { Option } from 'commander';
import { z } from 'zod';
import { closeSharedOcrEngine } from '@juesuan/extractor';
import { isPostgresUrl } from '@juesuan/loader';
import { DEFAULT_RETRY, enqueueFile, enqueueReparse, expandInputs, openBlobs, openBoss, queueStatus, runWorker } from '@juesuan/pipelines';
import { DpiValue, dpiOption, fail, openStoreOrFail, parseOptions } from '../cli-support.ts';

const PostgresUrl = z.string().refine(isPostgresUrl, 'is a postgres:// URL: the queue lives in PostgreSQL');
const dbOption = () => new Option('--db <url>', 'the shared PostgreSQL database (postgres://user@host:port/name)').makeOptionMandatory();

const EnqueueOptions = z.object({
  db: PostgresUrl,
  blobs: z.string().min(1).optional(),
  force: z.boolean().optional(),
  reparse: z.boolean().optional(),
  ocr: z.enum(['auto', 'always', 'never']),
  dpi: DpiValue,
  retries: z.coerce.number().int().min(0).max(20),
  retryDelay: z.coerce.number().int().min(0),
  timeLimit: z.coerce.number().int().min(1).max(86_400),
});

function registerEnqueue(program: Command): void {
  program
    .command('enqueue')
    .description('store files once (content-addressed by sha256) and queue one job per document for `juesuan worker`s on any machine')
    .argument('[paths...]', 'reports, folders or globs, as for ingest')
    .addOption(dbOption())
    .option('--blobs <dir>', 'keep the files in this folder every worker mounts, instead of in PostgreSQL')
    .option('--force', 'queue documents already ingested too')
    .option('--reparse', 'queue a reparse of every cached extraction instead')
    .addOption(new Option('--ocr <mode>', 'auto, always or never').default('auto'))
    .addOption(dpiOption())
    .addOption(new Option('--retries <n>', 'attempts after the first before a job is dead-lettered').default(String(DEFAULT_RETRY.retries)))
    .addOption(new Option('--retry-delay <seconds>', 'wait before the first retry, doubled each time').default(String(DEFAULT_RETRY.retryDelaySeconds)))
    .addOption(new Option('--time-limit <seconds>', 'a job still running after this is failed and retried').default(String(DEFAULT_RETRY.timeLimitSeconds)))
    .action(async (paths: string[], raw: unknown) => {
      const opts = parseOptions(EnqueueOptions, raw);
      if (!opts.reparse && paths.length === 0) fail('give files or folders to enqueue, or --reparse');
      const store = await openStoreOrFail(opts.db, { readOnly: false });
      const boss = await openBoss(opts.db, { supervise: false });
      const retry = { retries: opts.retries, retryDelaySeconds: opts.retryDelay, timeLimitSeconds: opts.timeLimit };
      if (opts.reparse) {
        const n = await enqueueReparse(boss, store, retry);
        process.stdout.write(`queued ${n} reparse jobs\n`);
      } else {
        const { files, problems } = expandInputs(paths);
        for (const p of problems) process.stderr.write(`${p.failed ? 'FAILED' : 'note'} ${p.path}: ${p.message}\n`);
        const blobs = await openBlobs(opts.db, opts.blobs);
        const seen = new Set<string>();
        const counts = { queued: 0, skipped: 0, failed: problems.filter((p) => p.failed).length };
        for (const file of files) {
          const r = await enqueueFile(boss, store, blobs, file, { blobsDir: opts.blobs, force: opts.force, ocr: opts.ocr, dpi: opts.dpi, retry }, seen);
          counts[r.status]++;
          process.stdout.write(`${r.status === 'failed' ? 'FAILED' : r.status} ${r.status === 'failed' ? r.message : `${r.file}: ${r.message}`}\n`);
        }
        await blobs.close();
        process.stdout.write(`queued ${counts.queued} documents, ${counts.skipped} skipped, ${counts.failed} failed\n`);
        process.exitCode = counts.failed > 0 || files.length === 0 ? 1 : 0;
      }
      await boss.stop({ graceful: false, close: true });
      await store.close();
    });
}

function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('take queued jobs from PostgreSQL until stopped (SIGTERM/Ctrl-C: finish or hand back the jobs in flight)')
    .addOption(dbOption())
    .option('--concurrency <n>', 'jobs at once in this process', '1')
    .option('--grace <seconds>', 'on SIGTERM, how long jobs in flight may take before they are handed back', '60')
    .action(async (raw: unknown) => {
      const opts = parseOptions(z.object({ db: PostgresUrl, concurrency: z.coerce.number().int().min(1).max(64), grace: z.coerce.number().min(0) }), raw);
      const store = await openStoreOrFail(opts.db, { readOnly: false });
      const blobs = await openBlobs(opts.db, undefined);
      const boss = await openBoss(opts.db, { maintenanceSeconds: 5 });
      const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
      log(`worker ${process.pid}: ${opts.concurrency} at a time`);
      await runWorker(boss, store, blobs, { concurrency: opts.concurrency, graceSeconds: opts.grace, log });
      await Promise.allSettled([blobs.close(), store.close(), closeSharedOcrEngine()]);
      log('stopped');
      // jobs handed back may still be running in this process: they end with it, uncommitted
      process.exit(0);
    });
}

function registerStatus(program: Command): void {
  program
    .command('status')
    .description("the queue's jobs: queued, active, done, failed, dead-lettered, and throughput")
    .addOption(dbOption())
    .option('--json', 'as one JSON object')
    .action(async (raw: unknown) => {
      const opts = parseOptions(z.object({ db: PostgresUrl, json: z.boolean().optional() }), raw);
      const boss = await openBoss(opts.db, { supervise: false });
      const s = await queueStatus(boss);
      await boss.stop({ graceful: false, close: true });
      if (opts.json) process.stdout.write(`${JSON.stringify(s)}\n`);
      else process.stdout.write(`queued ${s.queued}, retrying ${s.retrying}, active ${s.active}, done ${s.done}, failed ${s.failed}, dead-lettered ${s.dead}; ${s.perMinute.toFixed(1)} documents a minute (last 10 minutes)\n`);
    });
}

export function registerQueueCommands(program: Command): void {
  registerEnqueue(program);
  registerWorker(program);
  registerStatus(program);
}
