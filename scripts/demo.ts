/**
 * The main job on the embedded default: ingest the generated samples into data/juesuan.sqlite,
 * then print a per-document summary and a cross-document query. Each step is a `juesuan` command.
 *   pnpm demo
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const db = join(root, 'data', 'juesuan.sqlite');

function juesuan(args: string[]): number {
  process.stdout.write(`\n$ juesuan ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}\n`);
  const r = spawnSync(process.execPath, [join(root, 'packages/cli/bin/juesuan.js'), ...args], { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

if (!existsSync(join(root, 'samples', 'sample-final-2023.pdf'))) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'make-samples.ts')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const code = juesuan(['ingest', 'samples/sample-*.pdf', '--db', db]);
juesuan(['summary', '--db', db]);
juesuan([
  'query',
  `SELECT department, fiscal_year AS year, "table", code, label, printed, unit, amount_fen FROM records
   WHERE "table" IN ('final.expenditure', 'final.income', 'budget.expenditure') AND length(code) = 3 AND measure = 'total'
   ORDER BY department, "table", code`,
  '--db',
  db,
]);
process.exit(code);
