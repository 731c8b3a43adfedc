import type { Command } from 'commander';
import { Option } from 'commander';
import { z } from 'zod';
import { closeSharedOcrEngine } from '@juesuan/extractor';
import { JuesuanError } from '@juesuan/model';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, extractFile, mebibytes, readRegularFile } from '@juesuan/pipelines';
import { fail, parseOptions } from '../cli-support.ts';

const ExtractOptions = z.object({ json: z.boolean().optional(), ocr: z.enum(['auto', 'always', 'never']), maxPages: z.coerce.number().int().positive() });

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract one report (PDF, .txt, .md, .html) and print its sections and tables')
    .argument('<file>', 'a report')
    .option('--json', 'print the whole ExtractedDocument as JSON')
    .addOption(new Option('--ocr <mode>', 'auto, always or never').choices(['auto', 'always', 'never']).default('auto'))
    .addOption(new Option('--max-pages <n>', 'refuse PDFs with more pages than this').default(String(DEFAULT_MAX_PAGES)))
    .action(async (file: string, raw: unknown) => {
      const opts = parseOptions(ExtractOptions, raw);
      try {
        // a FIFO or a device is refused at once, never read forever
        const read = readRegularFile(file, DEFAULT_MAX_BYTES);
        if ('tooLarge' in read) fail(`${file}: ${mebibytes(read.tooLarge)}, over the limit of ${mebibytes(DEFAULT_MAX_BYTES)}`);
        const doc = await extractFile(read.bytes, file, { ocr: opts.ocr, maxPages: opts.maxPages });
        await closeSharedOcrEngine();
        if (opts.json) process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
        else {
          process.stdout.write(`${file}: ${doc.pageCount} pages, ${doc.sections.length} sections, ${doc.tables.length} tables\n`);
          for (const t of doc.tables) process.stdout.write(`  ${t.index}\t${t.meta.title ?? '(untitled)'}\tpages ${t.pages.join(',')}\t${t.nRows}×${t.nCols}\t${t.meta.unit ?? ''}\t${t.strategy ?? ''} ${t.confidence ?? ''}\n`);
        }
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        fail(err instanceof JuesuanError ? err.message : `${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message.split('\n')[0]}`);
      }
    });
}
