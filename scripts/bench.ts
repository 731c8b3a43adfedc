/**
 * Speed and memory on a folder of PDFs, side by side with the usual tools, in one run:
 *   text path  vs  poppler's `pdftotext -layout`
 *   OCR path (grid first, then cells)  vs  full-page OCR of the same pages (tesseract.js)
 *                                      and native `tesseract` (pages rendered by pdftoppm)
 * Every timing is a whole process, repeated, median taken. Tools that are not installed are
 * reported as missing. With --batch, whole folders as one batch: `juesuan ingest` with 1, 2, …
 * extraction workers against pdftotext -layout over the same files, one after another, and
 * optionally against another checkout of juesuan (--baseline: an older commit in a worktree).
 *   pnpm bench --text <folder> [--scanned <folder>] [--batch <folder>…] [--workers 1,2] [--baseline DIR] [--runs N] [--ocr-runs N] [--json FILE]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecognitionTally } from '@juesuan/extractor';
import { benchBatch } from './lib/bench-batch.ts';
import type { Timing } from './lib/process-timing.ts';
import { fmt, has, hasGnuTime, mib, repeat, timed } from './lib/process-timing.ts';

const HELP = `usage: bench [--text <folder>] [--scanned <folder>] [--batch <folder>…] [--workers 1,2] [--baseline DIR] [--runs N] [--ocr-runs N] [--json FILE]

--text     PDFs with a text layer: our text path against pdftotext -layout
--scanned  image-only PDFs: our table-aware OCR against full-page OCR (tesseract.js) and,
           when installed, native tesseract on pdftoppm-rendered pages (300 dpi)
--batch    folders of text PDFs ingested as one batch (text path, parse and write included) with
           each worker count of --workers (default 1,2), beside pdftotext -layout on the same files
--baseline another checkout of juesuan (e.g. \`git worktree add /tmp/old <commit>\`, installed) that
           ingests the same batch with one worker, as the figure to beat
--runs     repetitions of each text-path timing (default 3); --ocr-runs for OCR (default 1)
--json     write every measurement to FILE
Prints a table: pages, median seconds, pages/s (s/page for OCR), peak RSS, and ratios; for OCR,
where the recognisers' time went by kind of call (language, segmentation mode, digits only).`;

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const batchFolders = args.flatMap((a, i) => (args[i - 1] === '--batch' ? [a] : []));
if (args.includes('--help') || (!opt('--text') && !opt('--scanned') && batchFolders.length === 0)) {
  process.stdout.write(`${HELP}\n`);
  process.exit(args.includes('--help') ? 0 : 2);
}
const runs = Number(opt('--runs') ?? 3);
const ocrRuns = Number(opt('--ocr-runs') ?? 1);
const root = join(import.meta.dirname, '..');
// bundled, as the command runs: under tsx a process that loads pdfjs pays 70 to 340 MB and a second at start
const extractOne = (file: string, mode: string) => [join(root, 'scripts/run-bundled.js'), join(root, 'scripts/lib/extract-one.ts'), file, '--mode', mode];
const ours = (file: string, mode: string) => () => timed(process.execPath, extractOne(file, mode));

function pagesOf(file: string): number {
  const r = spawnSync(process.execPath, extractOne(file, 'text'), { encoding: 'utf8' });
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{"pages":0}').pages as number;
}

/** Native tesseract on every page: pdftoppm renders, tesseract reads (chi_sim+eng, automatic layout). */
function nativeOcr(file: string): Timing {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ocr-'));
  try {
    const render = timed('pdftoppm', ['-r', '300', '-gray', file, join(dir, 'p')]);
    let seconds = render.seconds;
    let rss = render.maxRssKb ?? 0;
    let ok = render.ok;
    for (const img of readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort()) {
      const t = timed('tesseract', [join(dir, img), join(dir, img.replace(/\.pgm$/, '')), '-l', 'chi_sim+eng', '--psm', '3']);
      seconds += t.seconds;
      rss = Math.max(rss, t.maxRssKb ?? 0);
      ok &&= t.ok;
    }
    return { seconds, maxRssKb: rss || null, ok };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The recognition time one OCR run printed (extract-one's last line), added to the tally by kind of call. */
function addRecognition(spent: Map<string, RecognitionTally>, printed: string): void {
  const line = printed.trim().split('\n').pop() ?? '';
  const parsed = z.object({ recognition: z.array(z.object({ kind: z.string(), calls: z.number(), seconds: z.number() })) }).safeParse(line.startsWith('{') ? JSON.parse(line) : null);
  for (const t of parsed.success ? parsed.data.recognition : []) {
    const s = spent.get(t.kind) ?? { kind: t.kind, calls: 0, seconds: 0 };
    spent.set(t.kind, { kind: t.kind, calls: s.calls + t.calls, seconds: s.seconds + t.seconds });
  }
}

const report: Record<string, unknown> = { date: new Date().toISOString(), runs, ocrRuns, gnuTime: hasGnuTime, tools: { pdftotext: has('pdftotext'), tesseract: has('tesseract'), pdftoppm: has('pdftoppm') } };
const lines: string[] = [];

const textFolder = opt('--text');
if (textFolder) {
  const rows = [];
  lines.push(`text path (${textFolder}), median of ${runs} whole-process runs`);
  lines.push(`${'file'.padEnd(40)} ${'pages'.padStart(5)} ${'ours s'.padStart(7)} ${'pages/s'.padStart(8)} ${'MiB'.padStart(5)} ${'pdftotext s'.padStart(11)} ${'MiB'.padStart(5)} ${'ours/pdftotext'.padStart(14)}`);
  if (!has('pdftotext')) lines.push('  (pdftotext is not installed: its columns are empty; apt-get install poppler-utils)');
  for (const f of readdirSync(textFolder).filter((x) => x.toLowerCase().endsWith('.pdf')).sort()) {
    const file = join(textFolder, f);
    const pages = pagesOf(file);
    const o = repeat(runs, ours(file, 'text'));
    const p = has('pdftotext') ? repeat(runs, () => timed('pdftotext', ['-layout', file, '-'])) : null;
    rows.push({ file: f, pages, ours: o, pdftotext: p });
    lines.push(`${f.slice(0, 38).padEnd(40)} ${String(pages).padStart(5)} ${fmt(o.seconds).padStart(7)} ${fmt(pages / o.seconds, 1).padStart(8)} ${mib(o.maxRssKb).padStart(5)} ${fmt(p?.seconds ?? NaN, 3).padStart(11)} ${mib(p?.maxRssKb ?? null).padStart(5)} ${fmt(p ? o.seconds / p.seconds : NaN, 1).padStart(14)}`);
  }
  report.text = rows;
}

const scannedFolder = opt('--scanned');
if (scannedFolder) {
  const rows = [];
  lines.push('');
  lines.push(`OCR path (${scannedFolder}), median of ${ocrRuns} whole-process runs; s/page`);
  lines.push(`${'file'.padEnd(40)} ${'pages'.padStart(5)} ${'ours'.padStart(6)} ${'MiB'.padStart(5)} ${'full-page'.padStart(9)} ${'MiB'.padStart(5)} ${'tesseract'.padStart(9)} ${'MiB'.padStart(5)} ${'ours/full'.padStart(9)} ${'ours/tess'.padStart(9)}`);
  const native = has('tesseract') && has('pdftoppm');
  if (!native) lines.push('  (native tesseract or pdftoppm is not installed: its columns are empty; apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils)');
  const spent = new Map<string, RecognitionTally>();
  for (const f of readdirSync(scannedFolder).filter((x) => x.toLowerCase().endsWith('.pdf')).sort()) {
    const file = join(scannedFolder, f);
    let printed = '';
    const o = repeat(ocrRuns, () => {
      const t = ours(file, 'ocr')();
      printed = t.stdout;
      return t;
    });
    addRecognition(spent, printed);
    const pages = pagesOf(file);
    const full = repeat(ocrRuns, ours(file, 'fullpage'));
    const t = native ? repeat(ocrRuns, () => nativeOcr(file)) : null;
    rows.push({ file: f, pages, ours: o, fullPage: full, tesseract: t });
    lines.push(
      `${f.slice(0, 38).padEnd(40)} ${String(pages).padStart(5)} ${fmt(o.seconds / pages).padStart(6)} ${mib(o.maxRssKb).padStart(5)} ${fmt(full.seconds / pages).padStart(9)} ${mib(full.maxRssKb).padStart(5)} ${fmt(t ? t.seconds / pages : NaN).padStart(9)} ${mib(t?.maxRssKb ?? null).padStart(5)} ${fmt(o.seconds / full.seconds).padStart(9)} ${fmt(t ? o.seconds / t.seconds : NaN).padStart(9)}`,
    );
  }
  report.ocr = rows;
  report.recognition = [...spent.values()];
  lines.push('', 'where the recognisers’ time went (our OCR path, all files, last run each): wall seconds a worker spent on each kind of call');
  const total = [...spent.values()].reduce((s, t) => s + t.seconds, 0);
  for (const t of [...spent.values()].sort((a, b) => b.seconds - a.seconds))
    lines.push(`  ${t.kind.padEnd(30)} ${String(t.calls).padStart(6)} calls ${fmt(t.seconds, 1).padStart(8)} s ${fmt((100 * t.seconds) / Math.max(total, 1e-9), 0).padStart(4)}%  ${fmt((1000 * t.seconds) / Math.max(1, t.calls), 0).padStart(5)} ms a call`);
}
if (batchFolders.length) {
  const workers = (opt('--workers') ?? '1,2').split(',').map(Number);
  report.batch = await benchBatch(batchFolders, workers, runs, lines, opt('--baseline') ?? null);
}
process.stdout.write(`${lines.join('\n')}\n`);
const jsonOut = opt('--json');
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 2));
