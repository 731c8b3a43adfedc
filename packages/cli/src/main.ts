#!/usr/bin/env node
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { z } from 'zod';
import { closeSharedOcrEngine } from '@juesuan/extractor';
import { EXPORT_FIELDS, FACT_FIELDS, csvField, diffRuns, exportFacts, exportRecords, openDatabase, openReadOnly } from '@juesuan/loader';
import { JuesuanError } from '@juesuan/model';
import { DEFAULT_MAX_BYTES, createProgress, describeResult, expandInputs, extractFile, ingestFiles, readRegularFile, reparseAll } from '@juesuan/pipelines';
import { formatRows } from './output.ts';

const DEFAULT_DB = resolve(process.cwd(), 'data', 'juesuan.sqlite');

const DbOption = z.object({ db: z.string().min(1) });
const IngestOptions = DbOption.extend({
  force: z.boolean().optional(),
  concurrency: z.coerce.number().int().min(1).max(64).optional(),
  maxMb: z.coerce.number().positive().optional(),
  ocr: z.enum(['auto', 'always', 'never']),
  dpi: z.coerce.number().int().min(72).max(600),
  timeout: z.coerce.number().positive().optional(),
  maxPages: z.coerce.number().int().positive().optional(),
});
const QueryOptions = DbOption.extend({ format: z.enum(['table', 'csv', 'json']) });
const ExportOptions = DbOption.extend({ format: z.enum(['csv', 'jsonl']), what: z.enum(['records', 'facts']), out: z.string().optional() });

function fail(message: string): never {
  process.stderr.write(`juesuan: ${message}\n`);
  process.exit(2);
}

/** The database for reading, or a one-line error naming it. */
function readOnlyOrFail(path: string): ReturnType<typeof openReadOnly> {
  try {
    return openReadOnly(path);
  } catch (err) {
    fail(`${path}: cannot open database (${(err as Error).message})`);
  }
}

function parseOptions<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (!r.success) fail(`bad option: ${r.error.issues.map((i) => `--${i.path.join('.')} ${i.message}`).join('; ')}`);
  return r.data;
}

const program = new Command();
program.name('juesuan').description('Chinese government 预算/决算 reports → a validated SQLite dataset').showHelpAfterError();
const dbOption = () => new Option('--db <file>', 'database file').default(DEFAULT_DB);

program
  .command('extract')
  .description('extract one report (PDF, .txt, .md, .html) and print its sections and tables')
  .argument('<file>', 'a report')
  .option('--json', 'print the whole ExtractedDocument as JSON')
  .addOption(new Option('--ocr <mode>', 'auto, always or never').choices(['auto', 'always', 'never']).default('auto'))
  .action(async (file: string, opts: { json?: boolean; ocr: 'auto' | 'always' | 'never' }) => {
    try {
      const read = readRegularFile(file, DEFAULT_MAX_BYTES);
      if ('tooLarge' in read) fail(`${file}: ${read.tooLarge} bytes, over the limit of ${DEFAULT_MAX_BYTES}`);
      const doc = await extractFile(read.bytes, file, { ocr: opts.ocr });
      await closeSharedOcrEngine();
      if (opts.json) process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      else {
        process.stdout.write(`${file}: ${doc.pageCount} pages, ${doc.sections.length} sections, ${doc.tables.length} tables\n`);
        for (const t of doc.tables) process.stdout.write(`  ${t.index}\t${t.meta.title ?? '(untitled)'}\tpages ${t.pages.join(',')}\t${t.nRows}×${t.nCols}\t${t.meta.unit ?? ''}\n`);
      }
    } catch (err) {
      fail(err instanceof JuesuanError ? err.message : `${file}: ${(err as Error).message}`);
    }
  });

program
  .command('ingest')
  .description('ingest files, folders or globs into the database (one transaction per document)')
  .argument('<paths...>', 'reports (.pdf .txt .md .html), folders or globs')
  .addOption(dbOption())
  .option('--force', 'parse and load again even when the same bytes were ingested before')
  .option('--concurrency <n>', 'documents in flight at once (default: cores)')
  .option('--max-mb <n>', 'refuse files larger than this many MiB (default 200)')
  .addOption(new Option('--ocr <mode>', 'read pages from their image: auto (no or garbage text layer), always, never').default('auto'))
  .addOption(new Option('--dpi <n>', 'rendering resolution for OCR').default('300'))
  .option('--timeout <seconds>', 'time limit of each document (default: 30 s + 3 s a page + 120 s an OCR page)')
  .option('--max-pages <n>', 'refuse documents with more pages than this (default 2000)')
  .action(async (paths: string[], raw: unknown) => {
    const opts = parseOptions(IngestOptions, raw);
    const { files, missing } = expandInputs(paths);
    for (const m of missing) process.stderr.write(`FAILED ${m}: no such file or folder\n`);
    const db = openDatabase(opts.db);
    const abort = new AbortController();
    process.once('SIGINT', () => {
      process.stderr.write('\ninterrupted: finishing the documents in flight, nothing half-written\n');
      abort.abort();
    });
    const progress = createProgress(files.length);
    const results = await ingestFiles(db, files, { force: opts.force, concurrency: opts.concurrency, ocr: opts.ocr, ocrDpi: opts.dpi, maxBytes: opts.maxMb ? Math.floor(opts.maxMb * 2 ** 20) : undefined, limits: { timeoutSeconds: opts.timeout, ...(opts.maxPages ? { maxPages: opts.maxPages } : {}) }, signal: abort.signal, onResult: (r) => progress.tick(describeResult(r)) });
    progress.stop();
    await closeSharedOcrEngine();
    db.close();
    const ok = results.filter((r) => r.status === 'ok');
    const failed = results.filter((r) => r.status === 'failed').length + missing.length;
    const skipped = results.filter((r) => r.status === 'skipped').length;
    const records = ok.reduce((s, r) => s + (r.status === 'ok' ? r.summary.records : 0), 0);
    const errors = ok.reduce((s, r) => s + (r.status === 'ok' ? r.summary.errors : 0), 0);
    const peak = Math.max(0, ...ok.map((r) => (r.status === 'ok' ? (r.peakMb ?? 0) : 0)));
    process.stdout.write(`ingested ${ok.length} documents (${records} records, ${errors} error findings), ${skipped} skipped, ${failed} failed → ${opts.db}${peak ? `; peak worker memory ${peak.toFixed(0)} MiB` : ''}\n`);
    process.exitCode = failed > 0 || abort.signal.aborted ? 1 : 0;
  });

program
  .command('reparse')
  .description('re-run parser and loader on every cached extraction (no PDF is opened)')
  .addOption(dbOption())
  .action((raw: unknown) => {
    const opts = parseOptions(DbOption, raw);
    const db = openDatabase(opts.db);
    const results = reparseAll(db);
    db.close();
    let changed = 0;
    for (const r of results) {
      if (r.error) process.stdout.write(`FAILED ${r.file}: ${r.error}\n`);
      else process.stdout.write(`${r.file}: run ${r.previousRunId ?? '-'} → ${r.runId}, ${r.changedRecords} records changed\n`);
      changed += r.changedRecords;
    }
    process.stdout.write(`reparsed ${results.length} documents, ${changed} records changed\n`);
    process.exitCode = results.some((r) => r.error) ? 1 : 0;
  });

program
  .command('query')
  .description('run a read-only SQL query (views: records, document_codes, narrative_facts, latest_runs)')
  .argument('<sql>', 'the SQL')
  .addOption(dbOption())
  .addOption(new Option('--format <format>', 'table, csv or json').default('table'))
  .action((sql: string, raw: unknown) => {
    const opts = parseOptions(QueryOptions, raw);
    const db = readOnlyOrFail(opts.db);
    try {
      const stmt = db.prepare(sql);
      if (!stmt.readonly || !stmt.reader) fail('the query connection is read-only: only statements that read rows are allowed');
      const rows = stmt.all() as Array<Record<string, unknown>>;
      process.stdout.write(`${formatRows(rows, opts.format)}\n`);
    } catch (err) {
      fail(`query failed: ${(err as Error).message}`);
    } finally {
      db.close();
    }
  });

program
  .command('export')
  .description('export every record (one per numeric cell) of the latest runs, or with --what facts the figures their narratives state')
  .addOption(dbOption())
  .addOption(new Option('--format <format>', 'csv or jsonl').default('jsonl'))
  .addOption(new Option('--what <what>', 'records (table cells) or facts ((类)(款)(项) items, restated totals, 绩效 projects)').default('records'))
  .option('--out <file>', 'write to a file instead of standard output')
  .action(async (raw: unknown) => {
    const opts = parseOptions(ExportOptions, raw);
    const db = readOnlyOrFail(opts.db);
    const fields: readonly string[] = opts.what === 'facts' ? FACT_FIELDS : EXPORT_FIELDS;
    let rows: Iterable<Record<string, unknown>>;
    try {
      rows = opts.what === 'facts' ? exportFacts(db) : exportRecords(db);
    } catch (err) {
      db.close();
      fail(`${opts.db}: ${(err as Error).message}`);
    }
    const out = opts.out ? createWriteStream(opts.out) : process.stdout;
    let n = 0;
    if (opts.format === 'csv') out.write(`${fields.join(',')}\n`);
    for (const r of rows) {
      out.write(opts.format === 'csv' ? `${fields.map((f) => csvField(r[f])).join(',')}\n` : `${JSON.stringify(r)}\n`);
      n++;
    }
    db.close();
    if (opts.out) await new Promise<void>((res) => (out as ReturnType<typeof createWriteStream>).end(res));
    process.stderr.write(`exported ${n} ${opts.what}\n`);
  });

program
  .command('diff')
  .description('what changed between two runs of a document (default: its last two successful runs)')
  .argument('<document>', 'sha256 (or a prefix) or file path of the document')
  .addOption(dbOption())
  .option('--from <run>', 'older run id')
  .option('--to <run>', 'newer run id')
  .action((document: string, raw: { db: string; from?: string; to?: string }) => {
    const opts = parseOptions(DbOption.extend({ from: z.coerce.number().int().optional(), to: z.coerce.number().int().optional() }), raw);
    const db = openReadOnly(opts.db);
    const runs = db
      .prepare("SELECT id FROM runs WHERE status = 'ok' AND (document_sha256 LIKE ? OR file = ? OR file = ? OR file LIKE ?) ORDER BY id")
      .all(`${document}%`, document, resolve(document), `%/${document}`) as Array<{ id: number }>;
    const to = opts.to ?? runs[runs.length - 1]?.id;
    const from = opts.from ?? runs[runs.length - 2]?.id;
    if (from === undefined || to === undefined) fail(`${document}: fewer than two successful runs to compare`);
    const d = diffRuns(db, from, to);
    db.close();
    process.stdout.write(`run ${from} → ${to}: ${d.added} added, ${d.removed} removed, ${d.changed} changed; error findings ${d.findingsBefore} → ${d.findingsAfter}\n`);
    for (const e of d.examples) process.stdout.write(`  ${e}\n`);
  });

program
  .command('summary')
  .description('one line per document of the latest runs')
  .addOption(dbOption())
  .action((raw: unknown) => {
    const opts = parseOptions(DbOption, raw);
    const db = openReadOnly(opts.db);
    const rows = db
      .prepare(
        `SELECT r.file, r.kind, r.fiscal_year AS year, r.region, r.department,
           (SELECT COUNT(*) FROM tables t WHERE t.run_id = r.id AND t.kind <> 'other') AS std_tables,
           (SELECT COUNT(*) FROM line_items li WHERE li.run_id = r.id) AS records,
           (SELECT COUNT(*) FROM findings f WHERE f.run_id = r.id AND f.severity = 'error') AS errors,
           r.id AS run
         FROM latest_runs r ORDER BY r.file`,
      )
      .all() as Array<Record<string, unknown>>;
    db.close();
    process.stdout.write(`${formatRows(rows, 'table')}\n`);
  });

program.parseAsync(process.argv).catch((err: unknown) => fail((err as Error).message));
