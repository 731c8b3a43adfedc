/**
 * Accuracy on any folder: every document with a `<name>.expected.jsonl` beside it is ingested into
 * a temporary database and exported; records are compared with the expected ones.
 *   pnpm eval <folder> [--json FILE] [--show N]
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { exportRecords, openDatabase, sqliteStore } from '@juesuan/loader';
import { ingestFiles } from '@juesuan/pipelines';
import type { ComparableRecord, Comparison, ExactComparison } from './lib/compare-records.ts';
import { compareExact, compareRecords } from './lib/compare-records.ts';

const ExpectedLine = z.looseObject({
  table: z.string(),
  side: z.string().nullable().optional(),
  code: z.string().nullable().optional(),
  label: z.string().nullable().optional(),
  measure: z.string(),
  amount_fen: z.number().int(),
});

const HELP = `usage: eval <folder> [--json FILE] [--show N]

For every document in <folder> that has <name>.expected.jsonl beside it (fields table, side,
code, label, measure, amount_fen), ingest it into a temporary database, export its records
and report per document and overall: table kinds found vs expected, precision and recall of
exact records, and the row-level score (same amounts in the row, whatever the measures).
--json FILE writes the full result (with every miss and extra) for later comparison;
--show N lists up to N misses and extras per document (default 5). 'identical' counts the
expected lines that the export writes identically in every field they carry (printed string,
page, panel, class_code …); 'order' says whether the export lists them in the expected order. Exit code 1 if any
document is below 100% recall or precision.`;

export interface DocumentEval extends Comparison, ExactComparison {
  file: string;
  status: string;
  kindsExpected: string[];
  kindsFound: string[];
  kindsMissing: string[];
}

export async function evaluateFolder(folder: string): Promise<DocumentEval[]> {
  const docs = readdirSync(folder)
    .filter((f) => f.endsWith('.expected.jsonl'))
    .map((f) => f.replace(/\.expected\.jsonl$/, ''))
    .map((stem) => readdirSync(folder).find((f) => f !== `${stem}.expected.jsonl` && f.startsWith(stem) && f.slice(stem.length).match(/^\.[a-z]+$/i)))
    .filter((f): f is string => f !== undefined)
    .sort();
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-eval-'));
  const db = openDatabase(join(dir, 'eval.sqlite'));
  try {
    const ingested = await ingestFiles(sqliteStore(db), docs.map((d) => join(folder, d)), { concurrency: 1 });
    // a file with the same bytes as one before it is skipped by ingest: it is scored by its twin's records
    const okBySha = new Map(ingested.filter((r) => r.status === 'ok').map((r) => [r.sha256, r]));
    const results = ingested.map((r) => (r.status === 'skipped' && okBySha.get(r.sha256)) || r);
    return results.map((r, i) => {
      const file = docs[i]!;
      const expectedPath = join(folder, `${file.replace(/\.[a-z]+$/i, '')}.expected.jsonl`);
      const lines = readFileSync(expectedPath, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => ExpectedLine.parse(JSON.parse(l)));
      const expected: ComparableRecord[] = lines.map((x) => ({ table: x.table, side: x.side ?? null, code: x.code ?? null, label: x.label ?? null, measure: x.measure, amount_fen: x.amount_fen }));
      const exported = r.status === 'ok' ? [...exportRecords(db)].filter((x) => x.document_sha256 === r.sha256) : [];
      const found: ComparableRecord[] =
        r.status === 'ok'
          ? (db.prepare('SELECT "table", side, code, label, measure, amount_fen FROM records WHERE document_sha256 = ?').all(r.sha256) as ComparableRecord[])
          : [];
      const kindsFound = r.status === 'ok' ? [...new Set(r.summary.tableKinds.filter((k) => k !== 'other'))].sort() : [];
      const kindsExpected = [...new Set(expected.map((x) => x.table))].sort();
      return {
        file,
        status: r.status === 'failed' ? `failed: ${r.message}` : r.status,
        kindsExpected,
        kindsFound,
        kindsMissing: kindsExpected.filter((k) => !kindsFound.includes(k)),
        ...compareRecords(expected, found),
        ...compareExact(lines, exported),
      };
    });
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatEval(results: DocumentEval[], show: number): string {
  const lines = [`${'document'.padEnd(46)} ${'kinds'.padStart(7)} ${'expected'.padStart(8)} ${'found'.padStart(6)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'rows'.padStart(7)} ${'identical'.padStart(9)} ${'order'.padStart(5)}`];
  for (const r of results) {
    lines.push(
      `${basename(r.file).slice(0, 44).padEnd(46)} ${`${r.kindsExpected.length - r.kindsMissing.length}/${r.kindsExpected.length}`.padStart(7)} ${String(r.expected).padStart(8)} ${String(r.found).padStart(6)} ${pct(r.precision).padStart(9)} ${pct(r.recall).padStart(7)} ${pct(r.rowScore).padStart(7)} ${String(r.identical).padStart(9)} ${(r.inOrder ? 'yes' : 'no').padStart(5)}`,
    );
    if (r.status !== 'ok') lines.push(`    ${r.status}`);
    if (r.kindsMissing.length) lines.push(`    kinds missing: ${r.kindsMissing.join(', ')}`);
    for (const m of r.misses.slice(0, show)) lines.push(`    miss  ${m}`);
    for (const e of r.extras.slice(0, show)) lines.push(`    extra ${e}`);
  }
  const e = results.reduce((s, r) => s + r.expected, 0);
  const f = results.reduce((s, r) => s + r.found, 0);
  const m = results.reduce((s, r) => s + r.matched, 0);
  const re = results.reduce((s, r) => s + r.rowsExpected, 0);
  const rm = results.reduce((s, r) => s + r.rowsMatched, 0);
  const same = results.reduce((s, r) => s + r.identical, 0);
  lines.push(`overall: ${m}/${e} expected records found (recall ${pct(e ? m / e : 1)}), precision ${pct(f ? m / f : e ? 0 : 1)}, rows ${pct(re ? rm / re : 1)}`);
  lines.push(`exact: ${same}/${e} expected lines exported identically in every field; in expected order: ${results.filter((r) => r.inOrder).length}/${results.length} documents`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  if (args.length === 0 || args.includes('--help')) {
    process.stdout.write(`${HELP}\n`);
    process.exit(args.length === 0 ? 2 : 0);
  }
  const folder = args[0]!;
  if (!existsSync(folder)) {
    process.stderr.write(`eval: ${folder}: no such folder\n`);
    process.exit(2);
  }
  const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const results = await evaluateFolder(folder);
  process.stdout.write(`${formatEval(results, Number(opt('--show') ?? 5))}\n`);
  const jsonOut = opt('--json');
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ folder, date: new Date().toISOString(), results }, null, 2));
  process.exitCode = results.every((r) => r.recall === 1 && r.precision === 1) ? 0 : 1;
}
