import type { Command } from 'commander';
import { Option } from 'commander';
import { z } from 'zod';
import { dbOption, fail, openStoreOrFail, parseOptions, readOnlyOrFail } from '../cli-support.ts';
import { emitRows, openOutputOrFail } from '../emit-rows.ts';
import { printSchema } from './schema.ts';
import { isPostgresUrl } from '@juesuan/loader';
import { queryStore } from './export-store.ts';

const QueryOptions = z.object({
  db: z.string().min(1),
  format: z.enum(['table', 'csv', 'json', 'jsonl']),
  out: z.string().min(1).optional(),
  bom: z.boolean(),
  limit: z.coerce.number().int().min(0).optional(),
});

/** Column names made unique (SELECT a.x, b.x gives x and x_2), so no value is lost in an object. */
export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n}_${k}`;
  });
}

export function registerQuery(program: Command): void {
  program
    .command('query')
    .description('run a read-only SQL query; `juesuan schema` lists the views and their columns (docs/DATA.md says what they mean)')
    .argument('<sql>', 'the SQL')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'table, csv, json or jsonl').default('table'))
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--no-bom', 'CSV without the UTF-8 byte order mark (written by default so Excel reads Chinese right)')
    .option('--limit <n>', 'stop after this many rows')
    .action(async (sql: string, raw: unknown) => {
      const opts = parseOptions(QueryOptions, raw);
      if (/^\s*\.(tables|schema)\b/.test(sql)) {
        const store = await openStoreOrFail(opts.db, { readOnly: true });
        await printSchema(store);
        return store.close();
      }
      if (isPostgresUrl(opts.db)) return queryStore(sql, opts);
      const db = readOnlyOrFail(opts.db);
      let columns: string[];
      let rows: Iterable<Record<string, unknown>>;
      try {
        const stmt = db.prepare(sql);
        if (!stmt.readonly || !stmt.reader) fail('the query connection is read-only: only statements that read rows are allowed');
        columns = uniqueNames(stmt.columns().map((c) => c.name));
        const names = columns;
        rows = (function* () {
          for (const values of stmt.raw(true).iterate() as Iterable<unknown[]>) yield Object.fromEntries(names.map((c, i) => [c, values[i]]));
        })();
      } catch (err) {
        fail(`query failed: ${(err as Error).message}`);
      }
      const sink = openOutputOrFail(opts.out);
      const n = await emitRows(sink, opts.out, columns, rows, { format: opts.format, bom: opts.bom, limit: opts.limit });
      db.close();
      if (opts.out) process.stderr.write(`${n} rows → ${opts.out}\n`);
    });
}
