import type { Command } from 'commander';
import { z } from 'zod';
import { dbOption, parseOptions, readOnlyOrFail } from '../cli-support.ts';
import { ledgerSummary } from '../audit-commands.ts';
import { formatTable } from '../output.ts';

export function registerSummary(program: Command): void {
  program
    .command('summary')
    .description('one line per document of the latest runs')
    .addOption(dbOption())
    .action((raw: unknown) => {
      const opts = parseOptions(z.object({ db: z.string().min(1) }), raw);
      const db = readOnlyOrFail(opts.db);
      const stmt = db.prepare(
        `SELECT r.file, r.kind, r.fiscal_year AS year, r.region, r.department,
           (SELECT COUNT(*) FROM tables t WHERE t.run_id = r.id AND t.kind <> 'other') AS std_tables,
           (SELECT COUNT(*) FROM line_items li WHERE li.run_id = r.id) AS records,
           (SELECT COUNT(*) FROM run_findings f WHERE f.run_id = r.id AND f.severity = 'error') AS errors,
           r.id AS run
         FROM latest_runs r ORDER BY r.file`,
      );
      const rows = stmt.all() as Array<Record<string, unknown>>;
      const columns = stmt.columns().map((c) => c.name);
      const ledger = ledgerSummary(db);
      db.close();
      process.stdout.write(`${formatTable(rows, columns)}\n\n${ledger}\n`);
    });
}
