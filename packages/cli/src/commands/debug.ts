import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { z } from 'zod';
import type { PageView } from '@juesuan/extractor';
import { closeSharedOcrEngine, debugPdfPage, pageSvg } from '@juesuan/extractor';
import type { BBox, ExtractedDocument } from '@juesuan/model';
import { JuesuanError, errorLine } from '@juesuan/model';
import { parseDocument } from '@juesuan/parser';
import { DEFAULT_MAX_BYTES, extractFile, mebibytes, readRegularFile } from '@juesuan/pipelines';
import { fail, parseOptions } from '../cli-support.ts';

const DebugOptions = z.object({ page: z.coerce.number().int().positive(), out: z.string().min(1).optional(), ocr: z.enum(['auto', 'always', 'never']), kinds: z.boolean() });

const area = (a: BBox, b: BBox) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/** The parser's kind for each table of the page: the document table whose cells on that page cover most of it. */
function kindsOnPage(view: PageView, doc: ExtractedDocument): Map<number, string> {
  const parsed = parseDocument(doc);
  const kinds = new Map<number, string>();
  view.layout.tables.forEach((t, i) => {
    const best = doc.tables
      .map((d) => ({ d, cover: d.cells.filter((c) => c.page === view.page.number).reduce((sum, c) => sum + area(c.bbox, t.bbox), 0) }))
      .sort((a, b) => b.cover - a.cover)[0];
    const kind = best && best.cover > 0 ? parsed.tables.find((p) => p.index === best.d.index)?.kind : undefined;
    if (kind) kinds.set(i, kind);
  });
  return kinds;
}

export function registerDebug(program: Command): void {
  program
    .command('debug')
    .description('draw one page of a PDF as the layout sees it (rulings, text lines, cells, tables with strategy and kind) as SVG')
    .argument('<file>', 'a PDF report')
    .requiredOption('--page <n>', 'the page to draw (1-based)')
    .option('--out <file>', 'write the SVG here (default: <file>.p<n>.svg beside the report)')
    .addOption(new Option('--ocr <mode>', 'auto, always or never').choices(['auto', 'always', 'never']).default('auto'))
    .option('--no-kinds', 'do not parse the whole document to name each table kind')
    .action(async (file: string, raw: unknown) => {
      const opts = parseOptions(DebugOptions, raw);
      try {
        const read = readRegularFile(file, DEFAULT_MAX_BYTES);
        if ('tooLarge' in read) fail(`${file}: ${mebibytes(read.tooLarge)}, over the limit of ${mebibytes(DEFAULT_MAX_BYTES)}`);
        const view = await debugPdfPage(read.bytes, file, opts.page, { ocr: opts.ocr });
        if (opts.kinds && view.layout.tables.length > 0) view.kinds = kindsOnPage(view, await extractFile(read.bytes, file, { ocr: opts.ocr }));
        await closeSharedOcrEngine();
        const out = opts.out ?? `${file.replace(/\.pdf$/i, '')}.p${opts.page}.svg`;
        writeFileSync(out, pageSvg(view));
        process.stdout.write(`${out}: page ${opts.page}, ${view.layout.tables.length} tables\n`);
        view.layout.tables.forEach((t, i) => process.stdout.write(`  #${i}\t${t.strategy}\t${t.confidence}\t${view.kinds?.get(i) ?? ''}\t${t.nRows}×${t.nCols}\t${t.meta.title ?? '(untitled)'}\n`));
        for (const t of view.found.trace) process.stdout.write(`  ${t.pass}: ${t.found}\n`);
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        fail(err instanceof JuesuanError ? err.message : `${file}: ${e.code === 'ENOENT' ? 'no such file' : errorLine(e)}`);
      }
    });
}
