import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { Db } from '@juesuan/loader';
import { openDatabase } from '@juesuan/loader';
import { dbOption, parseOptions, readOnlyOrFail } from '../cli-support.ts';

/** The views a query reads, with their columns, in the order SQLite gives them. */
export function viewColumns(db: Db): Array<{ view: string; columns: string[] }> {
  const views = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name`).all() as Array<{ name: string }>;
  return views.map((v) => ({ view: v.name, columns: (db.prepare('SELECT name FROM pragma_table_info(?)').all(v.name) as Array<{ name: string }>).map((c) => c.name) }));
}

export function printSchema(db: Db): void {
  for (const { view, columns } of viewColumns(db)) process.stdout.write(`${view}\n${columns.map((c) => `  ${c}\n`).join('')}`);
  process.stdout.write('what each column means: docs/DATA.md\n');
}

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('list the views a query can read and their columns (docs/DATA.md says what they mean)')
    .addOption(dbOption())
    .action((raw: unknown) => {
      const opts = parseOptions(z.object({ db: z.string().min(1) }), raw);
      // without a database yet, the schema a new one would have
      const db = existsSync(opts.db) ? readOnlyOrFail(opts.db) : openDatabase(':memory:');
      printSchema(db);
      db.close();
    });
}
