import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { closeSharedOcrEngine } from '@juesuan/extractor';
import type { Store } from '@juesuan/loader';
import { FINDING_FIELDS, LEDGER_FIELDS } from '@juesuan/loader';
import { JuesuanError } from '@juesuan/model';
import { parseDocument } from '@juesuan/parser';
import { extractFile } from '@juesuan/pipelines';
import { annotatePdf } from './annotate-pdf.ts';
import { formatTable } from './output.ts';

/** `export --what findings|ledger`: the fields and the rows, or null for the other exports. */
export function auditExport(what: string): { fields: readonly string[]; rows: (store: Store) => AsyncIterable<Record<string, unknown>> } | null {
  if (what === 'findings') return { fields: FINDING_FIELDS, rows: (store) => store.exportFindings() };
  if (what === 'ledger') return { fields: LEDGER_FIELDS, rows: (store) => store.exportLedger() };
  return null;
}

/** The ledger of the latest runs, one line per document: each family's status (and why a check could not run). */
export async function ledgerSummary(store: Store): Promise<string> {
  const read = async <T>(sql: string): Promise<T[]> => {
    const r = await store.query(sql);
    return r.rows.map((values) => Object.fromEntries(r.columns.map((c, i) => [c, values[i]])) as T);
  };
  let rows: Array<{ file: string; family: string; status: string; failures: number }>;
  try {
    rows = await read(`SELECT file, family, status, failures FROM ledger WHERE "check" = '*' ORDER BY file, seq`);
  } catch {
    return 'ledger: this database predates the audit; run `juesuan reparse` once';
  }
  const byFile = new Map<string, Record<string, string>>();
  for (const r of rows) {
    const line = byFile.get(r.file) ?? { file: basename(r.file) };
    line[r.family] = r.status === 'fail' ? `fail(${r.failures})` : r.status === 'insufficient_data' ? 'insufficient' : r.status === 'not_applicable' ? 'n/a' : r.status;
    byFile.set(r.file, line);
  }
  const gaps = await read<{ file: string; check: string; reason: string }>(`SELECT file, "check", reason FROM ledger WHERE status = 'insufficient_data' AND "check" <> '*' ORDER BY file, seq`);
  const lines = [`ledger (audit coverage per family):`, formatTable([...byFile.values()], [...new Set([...byFile.values()].flatMap((l) => Object.keys(l)))])];
  if (gaps.length > 0) lines.push('', 'not checked for lack of data:', ...gaps.map((g) => `  ${basename(g.file)}  ${g.check}: ${g.reason}`));
  return lines.join('\n');
}

const AnnotateOptions = z.object({ out: z.string().min(1), all: z.boolean().optional(), ocr: z.enum(['auto', 'always', 'never']) });

/** `juesuan annotate FILE --out annotated.pdf`: the report with its findings boxed and listed at the end. */
export function registerAuditCommands(program: Command, fail: (message: string) => never): void {
  program
    .command('annotate')
    .description('write the PDF with a numbered box on each finding (errors and warnings) and a findings page at the end')
    .argument('<file>', 'a PDF report')
    .requiredOption('--out <file>', 'the annotated PDF to write')
    .option('--all', 'box info findings too')
    .option('--ocr <mode>', 'auto, always or never', 'auto')
    .action(async (file: string, raw: unknown) => {
      const r = AnnotateOptions.safeParse(raw);
      if (!r.success) fail(`bad option: ${r.error.issues.map((i) => `--${i.path.join('.')} ${i.message}`).join('; ')}`);
      const opts = r.data;
      if (!/\.pdf$/i.test(file)) fail(`${file}: annotate needs a PDF`);
      try {
        const bytes = new Uint8Array(readFileSync(file));
        const doc = await extractFile(bytes, file, { ocr: opts.ocr });
        await closeSharedOcrEngine();
        const parsed = parseDocument(doc);
        const findings = parsed.findings.filter((f) => opts.all || f.severity !== 'info');
        const turned = new Map(doc.pages.map((p) => [p.number, p.turned ?? 0]));
        writeFileSync(opts.out, await annotatePdf(bytes, findings, basename(file), (page) => turned.get(page) ?? 0));
        process.stdout.write(`${file}: ${findings.length} findings boxed → ${opts.out}\n`);
      } catch (err) {
        fail(err instanceof JuesuanError ? err.message : `${file}: ${(err as Error).message}`);
      }
    });
}
