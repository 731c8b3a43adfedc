import type { QueryResult } from '@juesuan/loader';
import { fail, openStoreOrFail } from '../cli-support.ts';
import { emitRows, openOutputOrFail } from '../emit-rows.ts';
import type { RowWriteOptions } from '../row-writer.ts';
import { uniqueNames } from './query.ts';

/** `juesuan query` on PostgreSQL: one read-only transaction. */
export async function queryStore(sql: string, opts: { db: string; out?: string; format: RowWriteOptions['format']; bom: boolean; limit?: number }): Promise<void> {
  const store = await openStoreOrFail(opts.db, { readOnly: true });
  let result: QueryResult;
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
