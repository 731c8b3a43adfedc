/**
 * A batch as a user runs it: `juesuan ingest` on whole folders (text path, parse and write
 * included) with 1, 2, … extraction workers, each a whole process on a fresh database, beside
 * pdftotext -layout on the same files one after another.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { openReadOnly } from '@juesuan/loader';
import { fmt, has, median, mib, timed } from './process-timing.ts';

const root = join(import.meta.dirname, '..', '..');

interface BatchRun {
  seconds: number;
  cpuSeconds: number | null;
  maxRssKb: number | null;
  workerPeakMb: number | null;
  pages: number;
  ok: boolean;
}

/** The command of this checkout, or of another one (an older commit in a worktree) run through tsx as it was then. */
const commandOf = (checkout: string | null): string[] => (checkout ? ['--import', 'tsx', join(checkout, 'packages/cli/src/main.ts')] : [join(root, 'packages/cli/bin/juesuan.js')]);

function ingestOnce(folders: string[], workers: number, checkout: string | null = null): BatchRun {
  const dir = mkdtempSync(join(tmpdir(), 'bench-batch-'));
  try {
    const db = join(dir, 'bench.sqlite');
    const t = timed(process.execPath, [...commandOf(checkout), 'ingest', ...folders, '--db', db, '--ocr', 'never', '--concurrency', String(workers)]);
    const conn = openReadOnly(db);
    const pages = (conn.prepare("SELECT COALESCE(SUM(d.page_count), 0) AS n FROM documents d WHERE d.format = 'pdf' AND EXISTS (SELECT 1 FROM runs r WHERE r.document_sha256 = d.sha256 AND r.status = 'ok')").get() as { n: number }).n;
    conn.close();
    const peak = /peak worker memory (\d+) MiB/.exec(t.stdout)?.[1];
    return { seconds: t.seconds, cpuSeconds: t.cpuSeconds ?? null, maxRssKb: t.maxRssKb, workerPeakMb: peak ? Number(peak) : null, pages, ok: t.ok };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pdftotextAll(files: string[]): { seconds: number; maxRssKb: number | null; cpuSeconds: number } {
  let seconds = 0;
  let rss = 0;
  let cpu = 0;
  for (const f of files) {
    const t = timed('pdftotext', ['-layout', f, '-']);
    seconds += t.seconds;
    cpu += t.cpuSeconds ?? 0;
    rss = Math.max(rss, t.maxRssKb ?? 0);
  }
  return { seconds, maxRssKb: rss || null, cpuSeconds: cpu };
}

/** Wall seconds of `threads` threads each spinning the same fixed loop at once. */
async function spin(threads: number): Promise<number> {
  const code = "let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7; require('node:worker_threads').parentPort.postMessage(x);";
  const t0 = performance.now();
  await Promise.all(Array.from({ length: threads }, () => new Promise((resolve) => new Worker(code, { eval: true }).once('message', resolve))));
  return (performance.now() - t0) / 1000;
}

/**
 * How many cores this process really gets now: n threads of a fixed loop against one. On a
 * machine shared with other work this is below the core count, and bounds any speed-up.
 */
export async function coresAvailable(n: number): Promise<number> {
  const one = await spin(1);
  return (n * one) / (await spin(n));
}

/** One small ingest, untimed: the command's and the worker's bundles are built before the clock starts. */
function warmUp(file: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'bench-warm-'));
  timed(process.execPath, [...commandOf(null), 'ingest', file, '--db', join(dir, 'warm.sqlite'), '--ocr', 'never', '--concurrency', '1']);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Appends the batch table to `lines`; returns the measurements. `baseline`, another checkout,
 * ingests the same batch with one worker (or in one thread, before the workers) as the figure to beat.
 */
export async function benchBatch(folders: string[], workerCounts: number[], runs: number, lines: string[], baseline: string | null = null): Promise<Record<string, unknown>> {
  const files = folders.flatMap((d) => readdirSync(d).filter((f) => f.toLowerCase().endsWith('.pdf')).sort().map((f) => join(d, f)));
  lines.push('');
  lines.push(`batch (${folders.join(', ')}: ${files.length} PDFs), juesuan ingest --ocr never, median of ${runs} whole-process runs`);
  lines.push(`${'run'.padEnd(34)} ${'pages'.padStart(5)} ${'seconds'.padStart(8)} ${'pages/s'.padStart(8)} ${'CPU s'.padStart(7)} ${'MiB'.padStart(6)} ${'worker MiB'.padStart(10)} ${'vs 1 worker'.padStart(11)}`);
  const rows: Array<{ workers: number } & BatchRun> = [];
  const load0 = loadavg()[0]!.toFixed(1);
  const cores0 = await coresAvailable(availableParallelism());
  if (files[0]) warmUp(files[0]);
  for (const workers of workerCounts) {
    const all = Array.from({ length: runs }, () => ingestOnce(folders, workers));
    const seconds = median(all.map((r) => r.seconds));
    const rss = all.map((r) => r.maxRssKb ?? 0);
    const peaks = all.map((r) => r.workerPeakMb ?? 0);
    const cpu = all.map((r) => r.cpuSeconds).filter((x): x is number => x !== null);
    rows.push({ workers, seconds, cpuSeconds: cpu.length ? median(cpu) : null, maxRssKb: Math.max(...rss) || null, workerPeakMb: Math.max(...peaks) || null, pages: all[0]!.pages, ok: all.every((r) => r.ok) });
  }
  const single = rows.find((r) => r.workers === 1);
  for (const r of rows) {
    const speedup = single ? r.pages / r.seconds / (single.pages / single.seconds) : NaN;
    lines.push(`${`juesuan ingest, ${r.workers} worker${r.workers > 1 ? 's' : ''}`.padEnd(34)} ${String(r.pages).padStart(5)} ${fmt(r.seconds).padStart(8)} ${fmt(r.pages / r.seconds, 1).padStart(8)} ${fmt(r.cpuSeconds ?? NaN, 1).padStart(7)} ${mib(r.maxRssKb).padStart(6)} ${String(r.workerPeakMb ?? '-').padStart(10)} ${fmt(speedup).padStart(11)}`);
  }
  let base: BatchRun | null = null;
  if (baseline) {
    const all = Array.from({ length: runs }, () => ingestOnce(folders, 1, baseline));
    const cpu = all.map((r) => r.cpuSeconds).filter((x): x is number => x !== null);
    base = { ...all[0]!, seconds: median(all.map((r) => r.seconds)), cpuSeconds: cpu.length ? median(cpu) : null, maxRssKb: Math.max(...all.map((r) => r.maxRssKb ?? 0)) || null };
    const best = Math.max(...rows.map((r) => r.pages / r.seconds));
    lines.push(`${`baseline ${baseline.split('/').pop()}, 1 worker`.slice(0, 34).padEnd(34)} ${String(base.pages).padStart(5)} ${fmt(base.seconds).padStart(8)} ${fmt(base.pages / base.seconds, 1).padStart(8)} ${fmt(base.cpuSeconds ?? NaN, 1).padStart(7)} ${mib(base.maxRssKb).padStart(6)} ${'-'.padStart(10)} ${'-'.padStart(11)}`);
    lines.push(`  fastest run above against the baseline: ${fmt(best / (base.pages / base.seconds))}×`);
  }
  let pdftotext: { seconds: number; maxRssKb: number | null; cpuSeconds: number } | null = null;
  if (has('pdftotext')) {
    const all = Array.from({ length: runs }, () => pdftotextAll(files));
    pdftotext = { seconds: median(all.map((r) => r.seconds)), cpuSeconds: median(all.map((r) => r.cpuSeconds)), maxRssKb: Math.max(...all.map((r) => r.maxRssKb ?? 0)) || null };
    const pages = rows[0]?.pages ?? NaN;
    lines.push(`${'pdftotext -layout, one at a time'.padEnd(34)} ${String(pages).padStart(5)} ${fmt(pdftotext.seconds).padStart(8)} ${fmt(pages / pdftotext.seconds, 1).padStart(8)} ${fmt(pdftotext.cpuSeconds, 1).padStart(7)} ${mib(pdftotext.maxRssKb).padStart(6)} ${'-'.padStart(10)} ${'-'.padStart(11)}`);
  } else lines.push('  (pdftotext is not installed: apt-get install poppler-utils)');
  // a shared machine stretches wall time: say how busy it was, and how many cores a process got
  const cores = await coresAvailable(availableParallelism());
  lines.push(`  machine: ${availableParallelism()} cores, load average ${load0} at the start, ${loadavg()[0]!.toFixed(1)} at the end; cores available to a process ${cores0.toFixed(2)} at the start, ${cores.toFixed(2)} at the end (${availableParallelism()} spinning threads against one)`);
  if (rows.some((r) => !r.ok)) lines.push('  (some runs exited non-zero: a file of the batch failed)');
  return { files: files.length, rows, baseline: base, pdftotext, coresAvailable: [cores0, cores] };
}
