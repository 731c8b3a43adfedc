import type { Command } from 'commander';
import { z } from 'zod';
import { dbOption, openStoreOrFail, parseOptions } from '../cli-support.ts';
import { ledgerSummary } from '../audit-commands.ts';
import { formatTable } from '../output.ts';

const SUMMARY_SQL = `SELECT r.file, r.kind, r.fiscal_year AS year, r.region, r.department,
     (SELECT COUNT(*) FROM tables t WHERE t.run_id = r.id AND t.kind <> 'other') AS std_tables,
     (SELECT COUNT(*) FROM line_items li WHERE li.run_id = r.id) AS records,
     (SELECT COUNT(*) FROM run_findings f WHERE f.run_id = r.id AND f.severity = 'error') AS errors,
     r.id AS run
   FROM latest_runs r ORDER BY r.file`;

export function registerSummary(program: Command): void {
  program
    .command('summary')
    .description('one line per document of the latest runs')
    .addOption(dbOption())
    .action(async (raw: unknown) => {
      const opts = parseOptions(z.object({ db: z.string().min(1) }), raw);
      const store = await openStoreOrFail(opts.db, { readOnly: true });
      const { columns, rows } = await store.query(SUMMARY_SQL);
      const ledger = await ledgerSummary(store);
      await store.close();
      const objects = rows.map((values) => Object.fromEntries(columns.map((c, i) => [c, values[i]])));
      process.stdout.write(`${formatTable(objects, columns)}\n\n${ledger}\n`);
    });
}
