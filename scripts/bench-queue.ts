/**
 * Queue throughput on this machine: documents a minute with 1, 2 and 4 worker processes (text-layer
 * PDFs, and scanned PDFs read by OCR), and the queue's own overhead (empty jobs a second).
 *   pnpm bench:queue [--docs N] [--scanned N] [--workers 1,2,4] [--empty N]
 * Starts a throwaway PostgreSQL cluster (as the tests do); workers run under nice.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import pg from 'pg';
import { openBoss } from '@juesuan/pipelines';
import { startCluster } from '../test/pg-cluster.ts';

const root = join(import.meta.dirname, '..');
const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1]! : fallback;
};
const TEXT_DOCS = Number(arg('docs', '16'));
const SCANNED_DOCS = Number(arg('scanned', '2'));
const WORKERS = arg('workers', '1,2,4').split(',').map(Number);
const EMPTY_JOBS = Number(arg('empty', '300'));

const TEXT_SOURCES = ['samples/sample-final-2023.pdf', 'samples/sample-budget-2025.pdf', 'samples/long/sample-long-final-2024.pdf', 'samples/continuations/sample-continuations-2024.pdf'];
const SCANNED_SOURCES = ['samples/scanned/sample-budget-2025.pdf'];

/** n distinct documents (a comment after %%EOF makes new bytes, the same report), in a fresh folder. */
function corpus(sources: string[], n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-bench-'));
  for (let i = 0; i < n; i++) {
    const src = sources[i % sources.length]!;
    const bytes = Buffer.concat([readFileSync(join(root, src)), Buffer.from(`\n%juesuan-bench ${i}\n`)]);
    writeFileSync(join(dir, `${String(i).padStart(3, '0')}-${basename(src)}`), bytes);
  }
  return dir;
}

const juesuan = (args: string[]) => spawn('nice', ['-n', '10', process.execPath, join(root, 'packages/cli/bin/juesuan.js'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });

async function finished(proc: ReturnType<typeof juesuan>): Promise<string> {
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((r) => proc.on('exit', r));
  if (code !== 0) throw new Error(`juesuan exited with ${code}:\n${out}`);
  return out;
}

/** Enqueues the folder, runs `workers` processes until every job is done; documents a minute from the jobs' own times. */
async function run(db: string, folder: string, workers: number, expected: number): Promise<{ perMinute: number; seconds: number }> {
  await finished(juesuan(['enqueue', folder, '--db', db, '--time-limit', '900']));
  const procs = Array.from({ length: workers }, () => juesuan(['worker', '--db', db]));
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    for (;;) {
      const r = await client.query<{ done: number; failed: number }>(`SELECT COUNT(*) FILTER (WHERE state = 'completed')::int AS done, COUNT(*) FILTER (WHERE state = 'failed')::int AS failed FROM pgboss.job WHERE name = 'juesuan-ingest'`);
      if (r.rows[0]!.failed > 0) throw new Error('a job failed');
      if (r.rows[0]!.done >= expected) break;
      await new Promise((res) => setTimeout(res, 500));
    }
    // from the first job started to the last one completed: worker start-up left out
    const span = await client.query<{ s: number }>(`SELECT EXTRACT(EPOCH FROM MAX(completed_on) - MIN(started_on))::float AS s FROM pgboss.job WHERE name = 'juesuan-ingest'`);
    const seconds = span.rows[0]!.s;
    return { perMinute: (expected / seconds) * 60, seconds };
  } finally {
    await client.end();
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode === null ? p.on('exit', r) : r(null)))));
  }
}

/** Empty jobs through pg-boss: sent one by one, then fetched and completed one by one (the database work each job costs). */
async function emptyJobsPerSecond(db: string, n: number): Promise<number> {
  const boss = await openBoss(db, { supervise: false });
  await boss.createQueue('bench-empty');
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await boss.send('bench-empty', { i });
  for (let i = 0; i < n; i++) {
    const [job] = await boss.fetch('bench-empty');
    await boss.complete('bench-empty', job!.id);
  }
  const seconds = (performance.now() - t0) / 1000;
  await boss.stop({ graceful: false, close: true });
  return n / seconds;
}

const cluster = await startCluster();
// Ctrl-C stops the cluster too (the worker processes stop with their database)
process.once('SIGINT', () => {
  cluster.stop();
  process.exit(130);
});
const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};
try {
  say(`queue benchmark on ${(await import('node:os')).cpus().length} cores, workers under nice -n 10, one document at a time each`);
  const results: Record<string, Record<number, number>> = { text: {}, scanned: {} };
  for (const [name, sources, n] of [['text', TEXT_SOURCES, TEXT_DOCS], ['scanned', SCANNED_SOURCES, SCANNED_DOCS]] as const) {
    if (n === 0) continue;
    for (const w of WORKERS) {
      const folder = corpus(sources, n);
      const db = cluster.createDatabase(`bench_${name}_${w}`);
      const r = await run(db, folder, w, n);
      rmSync(folder, { recursive: true, force: true });
      results[name]![w] = r.perMinute;
      say(`${name.padEnd(8)} ${String(n).padStart(3)} documents, ${w} worker${w > 1 ? 's' : ' '}: ${r.perMinute.toFixed(1).padStart(6)} documents a minute (${r.seconds.toFixed(1)} s)`);
    }
  }
  const empty = await emptyJobsPerSecond(cluster.createDatabase('bench_empty'), EMPTY_JOBS);
  say(`queue overhead: ${empty.toFixed(0)} empty jobs a second, sent, taken and completed one at a time (${(1000 / empty).toFixed(1)} ms a job)`);
  const best = (name: string) => Math.max(0, ...Object.values(results[name] ?? {}));
  if (best('text') > 0 && best('scanned') > 0) {
    // 300,000 reports a year, a tenth scanned; one machine like this one at its best worker count
    const minutes = 270_000 / best('text') + 30_000 / best('scanned');
    say(`300,000 reports a year (a tenth scanned): ${(minutes / 60).toFixed(0)} machine-hours on machines like this one, i.e. ${(minutes / (365 * 24 * 60)).toFixed(2)} machines busy all year`);
  }
} finally {
  cluster.stop();
}
