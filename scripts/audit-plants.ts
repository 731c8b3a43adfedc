/**
 * Plants one problem of each audit family into the text layer of every report of a folder (as
 * the extractor reads it: a line's text changed, a table dropped, a note removed — one problem
 * per copy, in memory; the folder is only read) and says whether the audit finds each one on the
 * page it was planted on. Reports where a problem has no place to go (no 截至 date, no 完成预算
 * sentence) are counted as such, not as misses.
 *   pnpm audit-plants ../shared/corpus/real [--json out.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { ExtractedDocument, Finding } from '@juesuan/model';
import { parseDocument } from '@juesuan/parser';
import { expandInputs, extractFile } from '@juesuan/pipelines';
import { closeSharedOcrEngine } from '@juesuan/extractor';

interface Plant {
  rule: string;
  /** changes the copy; returns the page the problem is on, or null when the report has no place for it */
  apply: (doc: ExtractedDocument) => number | null;
}

const YEAR_HEADING = /(20\d{2})(\s*年度?)/;

/** The first free-text line (outside tables and the 目录) that matches, with a new text. */
function editLine(doc: ExtractedDocument, match: RegExp, edit: (text: string) => string): number | null {
  for (const page of doc.pages) {
    if (page.isTableOfContents) continue;
    for (const line of page.lines) {
      if (line.inTable || !match.test(line.text)) continue;
      const next = edit(line.text);
      if (next === line.text) continue;
      line.text = next;
      return page.number;
    }
  }
  return null;
}

const year = (doc: ExtractedDocument) => Number(YEAR_HEADING.exec(doc.pages.flatMap((p) => p.lines.map((l) => l.text)).join('\n'))?.[1] ?? 0);

const PLANTS: Plant[] = [
  { rule: 'template.placeholder', apply: (d) => editLine(d, /[\u4e00-\u9fa5]{2,}(?:局|委员会|办公厅|院)/, (t) => t.replace(/[\u4e00-\u9fa5]{2}(局|委员会|办公厅|院)/, 'XX$1')) },
  { rule: 'template.fill_in', apply: (d) => editLine(d, /。$/, (t) => `${t}（请填写）`) },
  { rule: 'template.doubled_word', apply: (d) => editLine(d, /[\u4e00-\u9fa5]的[\u4e00-\u9fa5]/, (t) => t.replace(/([\u4e00-\u9fa5])的([\u4e00-\u9fa5])/, (_m, a: string, b: string) => (a === b ? `${a}的${b}` : `${a}的的${b}`))) },
  { rule: 'years.heading_year', apply: (d) => editLine(d, /^\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、).{0,30}20\d{2}\s*年度?.{0,16}(决算|预算)/, (t) => t.replace(/20\d{2}/, String(year(d) - 3))) },
  { rule: 'years.sentence_year', apply: (d) => editLine(d, /20\d{2}\s*年度?(财政拨款)?收入、?支出(决算|预算)?总计/, (t) => t.replace(/20\d{2}(\s*年度?(?:财政拨款)?收入、?支出)/, (_m, a: string) => `${year(d) - 3}${a}`)) },
  { rule: 'years.cutoff_date', apply: (d) => editLine(d, /截[至止]\s*20\d{2}\s*年\s*12\s*月\s*31\s*日/, (t) => t.replace(/(截[至止]\s*)20\d{2}/, (_m, a: string) => `${a}${year(d) - 3}`)) },
  { rule: 'wording.comparison', apply: (d) => editLine(d, /决算数?(小于|大于)(年初)?预算数?/, (t) => t.replace(/(决算数?)(小于|大于)/, (_m, a: string, w: string) => `${a}${w === '小于' ? '大于' : '小于'}`)) },
  {
    rule: 'wording.change_percent',
    // a 完成预算的 P% whose sentence (this line and the two before) states both amounts
    apply: (d) => {
      for (const page of d.pages) {
        const lines = page.lines.filter((l) => !l.inTable);
        for (let i = 0; i < lines.length; i++) {
          const window = lines.slice(Math.max(0, i - 2), i + 1).map((l) => l.text.replace(/\s+/g, '')).join('');
          if (!/预算(数)?为[\d,.]+万元.*决算(数)?为[\d,.]+万元.*完成(年初)?预算的?\d+(\.\d+)?%/.test(window) || !/\d+(\.\d+)?\s*%/.test(lines[i]!.text)) continue;
          lines[i]!.text = lines[i]!.text.replace(/(\d+)((?:\.\d+)?\s*%)/, (_m, n: string, rest: string) => `${Number(n) > 50 ? Number(n) - 7 : Number(n) + 7}${rest}`);
          return page.number;
        }
      }
      return null;
    },
  },
  { rule: 'wording.change_direction', apply: (d) => editLine(d, /增加\s*[\d,.]+\s*万元\s*[，,]\s*增长/, (t) => t.replace(/增加(\s*[\d,.]+\s*万元\s*[，,]\s*)增长/, '减少$1增长')) },
  { rule: 'restated.total_missing', apply: (d) => editLine(d, /(收入总计|支出总计|本年收入合计|本年支出合计)(均为|为)?\s*[\d,]+(\.\d+)?\s*万元/, (t) => t.replace(/((?:收入总计|支出总计|本年收入合计|本年支出合计)(?:均为|为)?)\s*[\d,]+(?:\.\d+)?(\s*万元)/, '$1$2')) },
  // the 决算 amount of a (类)(款)(项) item, 10 万元 off its row
  {
    rule: 'restated.item_amounts',
    apply: (d) => {
      for (const page of d.pages) {
        const lines = page.lines.filter((l) => !l.inTable);
        const item = lines.findIndex((l) => /[（(]项[)）]/.test(l.text));
        const line = item < 0 ? undefined : lines.slice(item, item + 4).find((l) => /决算(数)?为\s*\d[\d,]*\.\d+\s*万/.test(l.text));
        if (!line) continue;
        line.text = line.text.replace(/(决算(?:数)?为\s*)(\d[\d,]*)(\.\d+)/, (_m, a: string, n: string, dec: string) => `${a}${Number(n.replace(/,/g, '')) + 10}${dec}`);
        return page.number;
      }
      return null;
    },
  },
  {
    rule: 'structure.empty_table_narrative_figure',
    apply: (d) => {
      const t = d.tables.find((x) => /三公/.test(x.meta.title ?? ''));
      // only where the narrative states a 三公 figure above zero
      const stated = d.pages.some((p) => p.lines.some((l) => !l.inTable && [...l.text.matchAll(/三公[^。]*?(\d[\d,]*(?:\.\d+)?)\s*万元/g)].some((m) => Number(m[1]!.replace(/,/g, '')) > 0)));
      if (!t || !stated) return null;
      for (const c of t.cells) if (c.row >= t.headerRows && /\d/.test(c.text)) c.text = '';
      return t.pages[0] ?? null;
    },
  },
  {
    rule: 'structure.standard_table_missing',
    apply: (d) => {
      const i = d.tables.findIndex((t) => /三公/.test(t.meta.title ?? ''));
      if (i < 0 || d.tables.length < 4) return null;
      d.tables.splice(i, 1);
      // shown where the 目录 lists it, else on the first table
      return d.pages.find((p) => p.isTableOfContents && p.lines.some((l) => /三公/.test(l.text)))?.number ?? d.tables[0]?.pages[0] ?? null;
    },
  },
  {
    rule: 'structure.empty_table_unexplained',
    apply: (d) => {
      const t = d.tables.find((x) => x.meta.notes.length > 0 && !x.cells.some((c) => c.row >= x.headerRows && /\d/.test(c.text)) && /政府性基金|国有资本/.test(x.meta.title ?? ''));
      if (!t) return null;
      t.meta.notes = [];
      for (const c of t.cells) if (/无数据|空表|为空|无相关|没有/.test(c.text)) c.text = '';
      // the narrative may say it too: that note goes with it
      const says = /无|没有|未安排|不涉及|(?<![\d.])0(?:\.0+)?万元/;
      for (const p of d.pages) {
        p.lines.forEach((l, i) => {
          const next = p.lines[i + 1];
          if (l.inTable || !/政府性基金|国有资本/.test(l.text)) return;
          // the sentence may end on the next line
          if (next && says.test(next.text)) next.text = '';
          if (says.test(l.text)) l.text = '';
        });
      }
      return t.pages[0] ?? null;
    },
  },
];

const Args = z.object({ folder: z.string().min(1), json: z.string().optional() });

function parseArgs(argv: string[]): z.infer<typeof Args> {
  const json = argv.includes('--json') ? argv[argv.indexOf('--json') + 1] : undefined;
  const folder = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--json');
  const r = Args.safeParse({ folder, json });
  if (!r.success) {
    process.stderr.write('usage: pnpm audit-plants <folder> [--json out.json]\n');
    process.exit(2);
  }
  return r.data;
}

const found = (findings: Finding[], rule: string, page: number | null, info = false) => findings.some((f) => f.rule === rule && (info || f.severity !== 'info') && (f.evidence ?? []).some((e) => e.page === page));

const args = parseArgs(process.argv.slice(2));
const { files } = expandInputs([args.folder]);
const results: Array<{ file: string; rule: string; page: number | null; status: 'found' | 'noted' | 'missed' | 'no_place' }> = [];
for (const file of files.filter((f) => /\.pdf$/i.test(f))) {
  let original: ExtractedDocument;
  try {
    original = await extractFile(new Uint8Array(readFileSync(file)), file, { ocr: 'never' });
  } catch (err) {
    process.stderr.write(`FAILED ${file}: ${(err as Error).message}\n`);
    continue;
  }
  const baseline = parseDocument(original).findings;
  for (const plant of PLANTS) {
    const copy = structuredClone(original);
    const page = plant.apply(copy);
    if (page === null) {
      results.push({ file, rule: plant.rule, page, status: 'no_place' });
      continue;
    }
    const after = parseDocument(copy).findings;
    // a problem the clean report already shows there is no evidence of the plant
    // noted: found as info, where the audit cannot assert it (a tables-only PDF, a table whose title was not read)
    const status = found(baseline, plant.rule, page) ? 'missed' : found(after, plant.rule, page) ? 'found' : found(after, plant.rule, page, true) ? 'noted' : 'missed';
    results.push({ file, rule: plant.rule, page, status });
    process.stdout.write(`${{ found: 'found ', noted: 'noted ', missed: 'MISSED' }[status]} ${plant.rule} p${page}  ${file}\n`);
  }
}
await closeSharedOcrEngine();
const planted = results.filter((r) => r.status !== 'no_place');
const hit = planted.filter((r) => r.status === 'found').length;
const noted = planted.filter((r) => r.status === 'noted').length;
process.stdout.write(`planted ${planted.length} problems in ${new Set(results.map((r) => r.file)).size} reports: ${hit} found on their page, ${noted} noted as info, ${planted.length - hit - noted} missed; ${results.length - planted.length} had no place\n`);
if (args.json) writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`);
process.exitCode = hit + noted === planted.length ? 0 : 1;
