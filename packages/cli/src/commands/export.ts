import type { Command } from 'commander';
import { Option } from 'commander';
import { z } from 'zod';
import type { ExportFilter } from '@juesuan/loader';
import { EXPORT_FIELDS, FACT_FIELDS, findOneDocument } from '@juesuan/loader';
import { dbOption, fail, openStoreOrFail, parseOptions, shownDb } from '../cli-support.ts';
import { auditExport } from '../audit-commands.ts';
import { emitRows, openOutputOrFail } from '../emit-rows.ts';

const ExportOptions = z.object({
  db: z.string().min(1),
  format: z.enum(['csv', 'jsonl', 'json']),
  what: z.enum(['records', 'facts', 'findings', 'ledger']),
  out: z.string().min(1).optional(),
  bom: z.boolean(),
  limit: z.coerce.number().int().min(0).optional(),
  document: z.array(z.string()).optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  department: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  table: z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'is a table id such as final.expenditure (see docs/DATA.md)').optional(),
  kind: z.enum(['final', 'budget', 'performance', 'unknown']).optional(),
});

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export every record (one per numeric cell) of the latest runs, or with --what facts the figures their narratives state')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'csv, jsonl or json').default('jsonl'))
    .addOption(new Option('--what <what>', 'records (table cells), facts ((类)(款)(项) items, restated totals, 绩效 projects), findings or ledger (audit coverage)').default('records'))
    .option('--out <file>', 'write to a file instead of standard output (it appears only when complete)')
    .option('--no-bom', 'CSV without the UTF-8 byte order mark (written by default so Excel reads Chinese right)')
    .option('--limit <n>', 'stop after this many rows')
    .option('--document <path-or-sha256>', 'only this document: its path or a sha256 prefix of 8+ characters (repeatable)', collect)
    .option('--year <year>', 'only this fiscal year')
    .option('--department <text>', 'only departments whose name contains this')
    .option('--region <text>', 'only regions whose name contains this')
    .option('--table <id>', 'only this canonical table, e.g. final.expenditure (records only)')
    .option('--kind <kind>', 'only final, budget, performance or unknown documents')
    .action(async (raw: unknown) => {
      const opts = parseOptions(ExportOptions, raw);
      const store = await openStoreOrFail(opts.db, { readOnly: true });
      const filter: ExportFilter = { year: opts.year, department: opts.department, region: opts.region, table: opts.table, kind: opts.kind };
      if (opts.document) {
        filter.documents = [];
        for (const ref of opts.document) {
          const found = await findOneDocument(store, ref);
          if ('error' in found) fail(found.error);
          filter.documents.push(found.sha256);
        }
      }
      const audit = auditExport(opts.what);
      const fields: readonly string[] = audit?.fields ?? (opts.what === 'facts' ? FACT_FIELDS : EXPORT_FIELDS);
      let rows: AsyncIterable<Record<string, unknown>>;
      try {
        rows = audit ? audit.rows(store) : ((opts.what === 'facts' ? store.exportFacts(filter) : store.exportRecords(filter)) as AsyncIterable<Record<string, unknown>>);
      } catch (err) {
        await store.close();
        fail(`${shownDb(opts.db)}: ${(err as Error).message}`);
      }
      const sink = openOutputOrFail(opts.out);
      const n = await emitRows(sink, opts.out, fields, rows, { format: opts.format, bom: opts.bom, limit: opts.limit });
      await store.close();
      process.stderr.write(`exported ${n} ${opts.what}${opts.out ? ` → ${opts.out}` : ''}\n`);
    });
}
