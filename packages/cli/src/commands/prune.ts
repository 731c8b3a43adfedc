import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { isPostgresUrl } from '@juesuan/loader';
import { dbOption, fail, openStoreOrFail, parseOptions, shownDb } from '../cli-support.ts';

export function registerPrune(program: Command): void {
  program
    .command('prune')
    .description("drop superseded runs: each document keeps its latest successful run and its latest run")
    .addOption(dbOption())
    .option('--cache', 'also drop cached extractions of older extractor versions that no kept run used')
    .option('--vacuum', 'give the freed space back afterwards (SQLite: to the file system; PostgreSQL: VACUUM, for reuse, without locking out workers)')
    .action(async (raw: unknown) => {
      const opts = parseOptions(z.object({ db: z.string().min(1), cache: z.boolean().optional(), vacuum: z.boolean().optional() }), raw);
      if (!isPostgresUrl(opts.db) && !existsSync(opts.db)) fail(`${opts.db}: no database here yet`);
      const store = await openStoreOrFail(opts.db, { readOnly: false });
      const r = await store.pruneRuns({ cache: opts.cache });
      if (opts.vacuum) await store.vacuum();
      await store.close();
      process.stdout.write(`pruned ${r.runs} superseded runs${opts.cache ? `, ${r.extractions} cached extractions` : ''} → ${shownDb(opts.db)}\n`);
    });
}
