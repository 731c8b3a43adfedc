import type { Command } from 'commander';
import { Option } from 'commander';
import { z } from 'zod';
import { JuesuanError, errorLine } from '@juesuan/model';
import { DEFAULT_LIMITS, DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, ExtractPool, extractDocument, mebibytes, readRegularFile } from '@juesuan/pipelines';
import { fail, parseOptions } from '../cli-support.ts';

const ExtractOptions = z.object({
  json: z.boolean().optional(),
  ocr: z.enum(['auto', 'always', 'never']),
  maxPages: z.coerce.number().int().positive(),
  timeout: z.coerce.number().positive().optional(),
});

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract one report (PDF, .txt, .md, .html) and print its sections and tables')
    .argument('<file>', 'a report')
    .option('--json', 'print the whole ExtractedDocument as JSON')
    .addOption(new Option('--ocr <mode>', 'auto, always or never').choices(['auto', 'always', 'never']).default('auto'))
    .addOption(new Option('--max-pages <n>', 'refuse PDFs with more pages than this').default(String(DEFAULT_MAX_PAGES)))
    .option('--timeout <seconds>', 'time limit (default: 30 s + 3 s a page + 120 s an OCR page)')
    .action(async (file: string, raw: unknown) => {
      const opts = parseOptions(ExtractOptions, raw);
      try {
        // a FIFO or a device is refused at once, never read forever
        const read = readRegularFile(file, DEFAULT_MAX_BYTES);
        if ('tooLarge' in read) fail(`${file}: ${mebibytes(read.tooLarge)}, over the limit of ${mebibytes(DEFAULT_MAX_BYTES)}`);
        // in a worker with the same time and memory limits as ingest: a hostile file cannot hang the command
        const pool = new ExtractPool({ ...DEFAULT_LIMITS, maxPages: opts.maxPages, ...(opts.timeout ? { timeoutSeconds: opts.timeout } : {}) }, 1);
        const out = await extractDocument(pool, file, read.bytes, { ocr: opts.ocr }).finally(() => pool.close());
        if (!out.ok) fail(out.message.startsWith(file) ? out.message : `${file}: ${out.message}`);
        const doc = out.doc;
        if (opts.json) process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
        else {
          process.stdout.write(`${file}: ${doc.pageCount} pages, ${doc.sections.length} sections, ${doc.tables.length} tables\n`);
          for (const t of doc.tables) process.stdout.write(`  ${t.index}\t${t.meta.title ?? '(untitled)'}\tpages ${t.pages.join(',')}\t${t.nRows}×${t.nCols}\t${t.meta.unit ?? ''}\t${t.strategy ?? ''} ${t.confidence ?? ''}\n`);
        }
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        fail(err instanceof JuesuanError ? err.message : `${file}: ${e.code === 'ENOENT' ? 'no such file' : errorLine(e)}`);
      }
    });
}
