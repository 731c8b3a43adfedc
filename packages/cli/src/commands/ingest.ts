import type { Command } from 'commander';
import { Option } from 'commander';
import { z } from 'zod';
import { closeSharedOcrEngine } from '@juesuan/extractor';
import { openStore, unreadableKey } from '@juesuan/loader';
import type { InputProblem } from '@juesuan/pipelines';
import { DEFAULT_MAX_PAGES, createProgress, describeResult, expandInputs, ingestFiles } from '@juesuan/pipelines';
import { DpiValue, dbOption, dpiOption, parseOptions } from '../cli-support.ts';

const IngestOptions = z.object({
  db: z.string().min(1),
  force: z.boolean().optional(),
  concurrency: z.coerce.number().int().min(1).max(64).optional(),
  maxMb: z.coerce.number().positive().optional(),
  maxPages: z.coerce.number().int().positive(),
  timeout: z.coerce.number().positive().optional(),
  ocr: z.enum(['auto', 'always', 'never']),
  dpi: DpiValue,
});

const problemLine = (p: InputProblem) => (p.failed ? `FAILED ${p.path}: ${p.message} [${p.code}]` : `${p.code === 'empty' ? 'empty' : 'note'} ${p.path}: ${p.message}`);

/** Ctrl-C once finishes the documents in flight; twice stops at once (a document is loaded whole or not at all). */
function interruptHandler(abort: AbortController): void {
  process.on('SIGINT', () => {
    if (abort.signal.aborted) {
      process.stderr.write('\nstopped: the documents in flight were not loaded; everything loaded before is complete\n');
      process.exit(130);
    }
    process.stderr.write('\ninterrupted: finishing the documents in flight, nothing half-written (Ctrl-C again to stop at once and drop them)\n');
    abort.abort();
  });
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('ingest files, folders or globs into the database (one transaction per document)')
    .argument('<paths...>', 'reports (.pdf .txt .md .html), folders (walked recursively, symbolic links followed) or globs')
    .addOption(dbOption())
    .option('--force', 'parse and load again even when the same bytes were ingested before')
    .option('--concurrency <n>', 'documents in flight at once (default: cores less one, at least 1)')
    .option('--max-mb <n>', 'refuse files larger than this many MiB (default 200)')
    .addOption(new Option('--max-pages <n>', 'refuse PDFs with more pages than this').default(String(DEFAULT_MAX_PAGES)))
    .option('--timeout <seconds>', 'time limit of each document (default: 30 s + 3 s a page + 120 s an OCR page)')
    .addOption(new Option('--ocr <mode>', 'read pages from their image: auto (no or garbage text layer), always, never').default('auto'))
    .addOption(dpiOption())
    .action(async (paths: string[], raw: unknown) => {
      const opts = parseOptions(IngestOptions, raw);
      const { files, problems } = expandInputs(paths);
      const store = await openStore(opts.db);
      const progress = createProgress(files.length);
      for (const p of problems) {
        progress.note(problemLine(p));
        if (p.code === 'unreadable' || p.code === 'broken_link') await store.recordFailedRun({ sha256: unreadableKey(p.path), file: p.path, sizeBytes: 0, format: null, pageCount: null }, { code: p.code, message: `${p.path}: ${p.message}` }, new Date().toISOString());
      }
      const abort = new AbortController();
      interruptHandler(abort);
      const results = await ingestFiles(store, files, {
        force: opts.force,
        concurrency: opts.concurrency,
        ocr: opts.ocr,
        ocrDpi: opts.dpi,
        maxPages: opts.maxPages,
        limits: { maxPages: opts.maxPages, ...(opts.timeout ? { timeoutSeconds: opts.timeout } : {}) },
        maxBytes: opts.maxMb ? Math.floor(opts.maxMb * 2 ** 20) : undefined,
        signal: abort.signal,
        onResult: (r) => progress.tick(describeResult(r), r.file),
        onPageOf: (file, done, total) => progress.page(file, done, total),
      });
      progress.stop();
      await closeSharedOcrEngine();
      await store.close();
      const ok = results.filter((r) => r.status === 'ok');
      const failed = results.filter((r) => r.status === 'failed').length + problems.filter((p) => p.failed).length;
      const skipped = results.filter((r) => r.status === 'skipped').length;
      const records = ok.reduce((s, r) => s + (r.status === 'ok' ? r.summary.records : 0), 0);
      const errors = ok.reduce((s, r) => s + (r.status === 'ok' ? r.summary.errors : 0), 0);
      const peak = Math.max(0, ...ok.map((r) => (r.status === 'ok' ? (r.peakMb ?? 0) : 0)));
      if (files.length === 0) process.stderr.write(`nothing to ingest: no report found in ${paths.join(' ')}\n`);
      process.stdout.write(`ingested ${ok.length} documents (${records} records, ${errors} error findings), ${skipped} skipped, ${failed} failed → ${opts.db}${peak ? `; peak worker memory ${peak.toFixed(0)} MiB` : ''}\n`);
      process.exitCode = failed > 0 || abort.signal.aborted || files.length === 0 ? 1 : 0;
    });
}
