import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { Store } from '@juesuan/loader';
import { isPostgresUrl, openDatabase, sqliteStore } from '@juesuan/loader';
import { dbOption, openStoreOrFail, parseOptions } from '../cli-support.ts';

export { viewColumns } from '@juesuan/loader';

export async function printSchema(store: Store): Promise<void> {
  for (const { view, columns } of await store.views()) process.stdout.write(`${view}\n${columns.map((c) => `  ${c}\n`).join('')}`);
  process.stdout.write('what each column means: docs/DATA.md\n');
}

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('list the views a query can read and their columns (docs/DATA.md says what they mean)')
    .addOption(dbOption())
    .action(async (raw: unknown) => {
      const opts = parseOptions(z.object({ db: z.string().min(1) }), raw);
      // without a SQLite database yet, the schema a new one would have
      const store = isPostgresUrl(opts.db) || existsSync(opts.db) ? await openStoreOrFail(opts.db, { readOnly: true }) : sqliteStore(openDatabase(':memory:'));
      await printSchema(store);
      await store.close();
    });
}
