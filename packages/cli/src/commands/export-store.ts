import type { ExportFilter } from '@juesuan/loader';
import { EXPORT_FIELDS, FACT_FIELDS, openStore } from '@juesuan/loader';
import { fail } from '../cli-support.ts';
import { emitRows, openOutputOrFail } from '../emit-rows.ts';
import type { RowWriteOptions } from '../row-writer.ts';
import { uniqueNames } from './query.ts';

interface StoreExportOptions extends ExportFilter {
  db: string;
  what: string;
  out?: string;
  document?: string[];
  format: RowWriteOptions['format'];
  bom: boolean;
  limit?: number;
}

async function openOrFail(db: string) {
  try {
    return await openStore(db, { readOnly: true });
  } catch (err) {
    fail(`${db.replace(/\/\/[^@/]*@/, '//…@')}: cannot open database (${(err as Error).message})`);
  }
}

/** `juesuan export` on a shared PostgreSQL store: records or facts, through the same queries as on SQLite. */
export async function exportFromStore(opts: StoreExportOptions): Promise<void> {
  if (opts.what !== 'records' && opts.what !== 'facts') fail(`--what ${opts.what} is not available on PostgreSQL yet: records or facts`);
  if (opts.document) fail('--document is not available on PostgreSQL yet: use --year, --department, --region, --kind or --table');
  const store = await openOrFail(opts.db);
  const filter: ExportFilter = { year: opts.year, department: opts.department, region: opts.region, table: opts.table, kind: opts.kind };
  const fields = opts.what === 'facts' ? FACT_FIELDS : EXPORT_FIELDS;
  const rows = opts.what === 'facts' ? store.exportFacts(filter) : store.exportRecords(filter);
  const sink = openOutputOrFail(opts.out);
  const n = await emitRows(sink, opts.out, fields, rows as AsyncIterable<Record<string, unknown>>, { format: opts.format, bom: opts.bom, limit: opts.limit });
  await store.close();
  process.stderr.write(`exported ${n} ${opts.what}${opts.out ? ` → ${opts.out}` : ''}\n`);
}

/** `juesuan query` on PostgreSQL: one read-only transaction. */
export async function queryStore(sql: string, opts: { db: string; out?: string; format: RowWriteOptions['format']; bom: boolean; limit?: number }): Promise<void> {
  const store = await openOrFail(opts.db);
  let result: { columns: string[]; rows: unknown[][] };
  try {
    result = await store.query(sql);
  } catch (err) {
    await store.close();
    fail(`query failed: ${(err as Error).message}`);
  }
  await store.close();
  const columns = uniqueNames(result.columns);
  const rows = result.rows.map((values) => Object.fromEntries(columns.map((c, i) => [c, values[i]])));
  const sink = openOutputOrFail(opts.out);
  const n = await emitRows(sink, opts.out, columns, rows, { format: opts.format, bom: opts.bom, limit: opts.limit });
  if (opts.out) process.stderr.write(`${n} rows → ${opts.out}\n`);
}
