import type { Command } from 'commander';
import { z } from 'zod';
import { openStore } from '@juesuan/loader';
import { reparseAll } from '@juesuan/pipelines';
import { dbOption, parseOptions } from '../cli-support.ts';

export function registerReparse(program: Command): void {
  program
    .command('reparse')
    .description('re-run parser and loader on every cached extraction (no PDF is opened); a run is recorded only when something changed')
    .addOption(dbOption())
    .action(async (raw: unknown) => {
      const opts = parseOptions(z.object({ db: z.string().min(1) }), raw);
      const store = await openStore(opts.db);
      const results = await reparseAll(store);
      await store.close();
      let records = 0;
      for (const r of results) {
        if (r.error) process.stdout.write(`FAILED ${r.file}: ${r.error}\n`);
        else if (!r.changed) process.stdout.write(`unchanged ${r.file}: run ${r.runId} kept\n`);
        else process.stdout.write(`changed ${r.file}: run ${r.previousRunId ?? '-'} → ${r.runId}, ${r.changedRecords} records changed\n`);
        records += r.changedRecords;
      }
      const changed = results.filter((r) => r.changed).length;
      const failed = results.filter((r) => r.error).length;
      process.stdout.write(`reparsed ${results.length} documents: ${changed} changed (new runs, ${records} records changed), ${results.length - changed - failed} unchanged, ${failed} failed\n`);
      process.exitCode = failed > 0 ? 1 : 0;
    });
}
