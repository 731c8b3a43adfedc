import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { openDatabase, pruneRuns } from '@juesuan/loader';
import { dbOption, fail, parseOptions, sqliteOnly } from '../cli-support.ts';

export function registerPrune(program: Command): void {
  program
    .command('prune')
    .description("drop superseded runs: each document keeps its latest successful run and its latest run")
    .addOption(dbOption())
    .option('--cache', 'also drop cached extractions of older extractor versions that no kept run used')
    .option('--vacuum', 'give the freed space back to the file system afterwards')
    .action((raw: unknown) => {
      const opts = parseOptions(z.object({ db: z.string().min(1), cache: z.boolean().optional(), vacuum: z.boolean().optional() }), raw);
      sqliteOnly(opts.db);
      if (!existsSync(opts.db)) fail(`${opts.db}: no database here yet`);
      const db = openDatabase(opts.db);
      const r = pruneRuns(db, { cache: opts.cache });
      if (opts.vacuum) db.exec('VACUUM');
      db.close();
      process.stdout.write(`pruned ${r.runs} superseded runs${opts.cache ? `, ${r.extractions} cached extractions` : ''} → ${opts.db}\n`);
    });
}
