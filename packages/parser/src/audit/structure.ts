import type { Evidence, Finding, ParsedTable } from '@juesuan/model';
import { pageReadByOcr } from '@juesuan/model';
import { classifyTable } from '../tables/classify-table.ts';
import type { AuditContext, Coverage, FamilyResult } from './audit-context.ts';
import { auditFinding, insufficient, notApplicable, ran, stageWord, tableEvidence } from './audit-context.ts';
import { bestReportSet } from '../registry/report-sets.ts';
import { entryTitle, joinWrapped, LEADING_NUMBER, PAGE_REF } from '../toc/toc-entries.ts';
import { kindSpec } from '../registry/table-kinds.ts';
import { presentSuffixes, stageOf, tableName } from './standard-tables.ts';

interface TocEntry {
  title: string;
  printedPage: number | null;
  evidence: Evidence;
  isTable: boolean;
}

/** The entries of the 目录: each line, its page reference, whether it names a table. */
function tocEntries(ctx: AuditContext): TocEntry[] {
  const out: TocEntry[] = [];
  const lines = ctx.text.lines().filter((l) => l.toc && !/^目录$/.test(l.text) && !/^\d+$/.test(l.text));
  for (const line of joinWrapped(lines)) {
    const ref = PAGE_REF.exec(line.text);
    const title = entryTitle(line.text);
    const bare = title.replace(LEADING_NUMBER, '');
    out.push({
      title,
      printedPage: ref ? Number(ref[2]) : null,
      evidence: ctx.text.evidence(line.start, line.start + line.text.length),
      // "五、部门预算表" heads the part that holds the tables; it names none of them
      isTable: !/^第[一二三四五六七八九十\d]+部分/.test(title) && bare.length >= 4 && /表([（(][^）)]*[）)])?$/.test(bare) && !/^(?:\d{4}年度?)?(?:部门|单位)?(?:决算|预算)(?:公开)?报?表$/.test(bare),
    });
  }
  return out;
}

/** A title without its numbering, year, publisher and the words that vary between a 目录 and a table. */
function normalizeTitle(title: string, department: string | null, keepBrackets = false): string {
  let t = title.replace(/\s+/g, '').replace(LEADING_NUMBER, '');
  if (department) t = t.replace(department, '');
  t = t.replace(/^.*?\d{4}年度?/, '');
  if (!keepBrackets) t = t.replace(/[（(][^）)]*[）)]/g, '');
  return t
    .replace(/[“”"'‘’：:]/g, '')
    .replace(/^(?:部门|单位|预算单位)/, '');
}

/** The kind a 目录 entry's title names, by the parser's own classification of titles (read through OCR's confusions where OCR read the entry). */
function kindOfTitle(entry: TocEntry, ctx: AuditContext): string {
  return classifyTable({ title: entry.title, headerText: '', docKind: ctx.meta.kind, panels: 1, rowCodes: [], ocr: pageReadByOcr(ctx.doc, entry.evidence.page) }).kind;
}

/** The table a 目录 entry names: the same title, else the same kind, else a title one contains. */
function tableOf(entry: TocEntry, ctx: AuditContext): ParsedTable | undefined {
  const a = normalizeTitle(entry.title, ctx.meta.department);
  const titles = ctx.tables.map((t) => ({ t, b: normalizeTitle(t.title ?? '', ctx.meta.department) }));
  const kind = kindOfTitle(entry, ctx);
  // 一般公共预算支出表（按功能分类） and （按经济分类） are two tables: the words in brackets first
  const full = normalizeTitle(entry.title, ctx.meta.department, true);
  return (
    ctx.tables.find((t) => full !== '' && normalizeTitle(t.title ?? '', ctx.meta.department, true) === full) ??
    titles.find((x) => x.b !== '' && x.b === a)?.t ??
    (kind !== 'other' ? ctx.tables.find((t) => t.kind === kind) : undefined) ??
    // one title inside the other (a prefix the normalising missed), never a shorter table's name inside a longer one's
    titles.find((x) => a !== '' && x.b !== '' && (a.includes(x.b) || x.b.includes(a)) && Math.min(a.length, x.b.length) / Math.max(a.length, x.b.length) >= 0.8)?.t
  );
}

/** Tables whose title could not be read (a sentence was taken for it): a table counted missing may be one of them. */
function untitledTables(ctx: AuditContext): ParsedTable[] {
  const amounts = (index: number) => ctx.doc.tables.find((t) => t.index === index)?.cells.filter((c) => /^\s*-?[\d,]+\.\d{2}\s*$/.test(c.text)).length ?? 0;
  // a list of units or projects is no standard table: only a table of amounts may be one whose title was lost
  return ctx.tables.filter((t) => t.kind === 'other' && !/表([（(][^）)]*[）)])?$/.test((t.title ?? '').replace(/\s+/g, '')) && amounts(t.index) >= 8);
}

/** A missing table is an error only when no table of the report lacks a readable title. */
function missingTableFinding(ctx: AuditContext, f: Finding): Finding {
  const untitled = untitledTables(ctx);
  if (untitled.length === 0) return f;
  const pages = untitled.map((t) => t.pages[0]).join('、');
  return { ...f, severity: 'info', messageZh: `${f.messageZh}（第 ${pages} 页的表标题未能读出，可能即此表）`, messageEn: `${f.messageEn} (the table on page ${pages} has no readable title and may be it)` };
}

function tocChecks(ctx: AuditContext): FamilyResult {
  const entries = tocEntries(ctx);
  const findings: Finding[] = [];
  const listed = entries.filter((e) => e.isTable);
  if (entries.length === 0) {
    const reason = '没有目录 (no table of contents)';
    return { findings, coverage: ['structure.toc_missing_table', 'structure.toc_unlisted_table', 'structure.toc_page_mismatch'].map((c) => notApplicable(c, reason)) };
  }
  const coverage: Coverage[] = [];
  if (ctx.doc.tables.length === 0 && listed.length > 0) {
    // a narrative PDF whose tables come as a separate attachment: the 目录 lists what the other file holds
    coverage.push(notApplicable('structure.toc_missing_table', 'no table in this file (tables published separately)'), notApplicable('structure.toc_unlisted_table', 'no table in this file'));
  } else if (listed.length === 0) {
    coverage.push(notApplicable('structure.toc_missing_table', '目录 lists no table'), notApplicable('structure.toc_unlisted_table', '目录 lists no table'));
  } else {
    coverage.push(ran('structure.toc_missing_table'), ran('structure.toc_unlisted_table'));
    for (const e of listed) {
      if (tableOf(e, ctx)) continue;
      findings.push(missingTableFinding(ctx, auditFinding('structure.toc_missing_table', `目录列出「${e.title}」，报告中没有这张表`, `the 目录 lists "${e.title}", which the report does not contain`, [e.evidence])));
    }
    // only when the 目录 lists the tables one by one: a standard table it leaves out
    if (listed.length >= 3) {
      for (const t of ctx.tables.filter((x) => x.kind !== 'other' && kindSpec(x.kind)?.rows !== 'text')) {
        if (listed.some((e) => tableOf(e, ctx) === t)) continue;
        findings.push(auditFinding('structure.toc_unlisted_table', `「${t.title ?? t.kind}」未列入目录`, `"${t.title ?? t.kind}" is not listed in the 目录`, [tableEvidence(ctx, t.index)]));
      }
    }
  }
  findings.push(...pageReferences(ctx, entries, coverage));
  return { findings, coverage };
}

/** 目录 page numbers against where the entries are: printed numbers may start after the cover, so by their usual offset. */
function pageReferences(ctx: AuditContext, entries: TocEntry[], coverage: Coverage[]): Finding[] {
  const refs: Array<{ e: TocEntry; actual: number }> = [];
  for (const e of entries) {
    if (e.printedPage === null) continue;
    const table = e.isTable ? tableOf(e, ctx) : undefined;
    const section = ctx.doc.sections.find((s) => `${s.numbering}${s.title}`.replace(/\s+/g, '') === e.title);
    const actual = table?.pages[0] ?? section?.page ?? null;
    if (actual !== null) refs.push({ e, actual });
  }
  if (refs.length < 3) {
    coverage.push(notApplicable('structure.toc_page_mismatch', '目录 gives fewer than 3 page numbers that point at a heading or table'));
    return [];
  }
  coverage.push(ran('structure.toc_page_mismatch'));
  const offsets = new Map<number, number>();
  for (const r of refs) offsets.set(r.actual - r.e.printedPage!, (offsets.get(r.actual - r.e.printedPage!) ?? 0) + 1);
  const offset = [...offsets.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return refs
    .filter((r) => r.actual - r.e.printedPage! !== offset)
    .map((r) =>
      auditFinding(
        'structure.toc_page_mismatch',
        `目录中「${r.e.title}」标为第 ${r.e.printedPage} 页，实际在第 ${r.actual - offset} 页`,
        `the 目录 puts "${r.e.title}" on page ${r.e.printedPage}; it is on page ${r.actual - offset} (printed numbering)`,
        [r.e.evidence],
      ),
    );
}

function missingStandardTables(ctx: AuditContext): FamilyResult {
  const stage = stageOf(ctx.meta.kind);
  const present = presentSuffixes(ctx.tables.map((t) => t.kind), stage);
  const check = 'structure.standard_table_missing';
  if (ctx.meta.kind !== 'final' && ctx.meta.kind !== 'budget') return { findings: [], coverage: [notApplicable(check, `not a 决算 or 预算 (${ctx.meta.kind})`)] };
  // a narrative PDF whose tables come as a separate attachment is not missing them
  if (present.size === 0) return { findings: [], coverage: [notApplicable(check, 'no standard table in this file (tables published separately)')] };
  const first = ctx.tables[0] ? tableEvidence(ctx, ctx.tables[0].index) : null;
  const entries = tocEntries(ctx).filter((e) => e.isTable);
  // shown where the 目录 lists it, else on the first table
  const where = (s: string) => entries.find((e) => kindOfTitle(e, ctx) === `${stage}.${s}`)?.evidence ?? first;
  const { missing } = bestReportSet(present);
  const findings = missing.map((slot) => slot[0]!).map((s) =>
    missingTableFinding(ctx, auditFinding(check, `部门${stageWord(ctx)}公开表缺少「${tableName(s, stage)}」`, `the report set lacks the ${tableName(s, stage)} (${stage}.${s})`, [where(s)])),
  );
  const unsure = findings.some((f) => f.severity === 'info');
  return { findings, coverage: [unsure ? insufficient(check, 'a table has no readable title: missing tables not asserted') : ran(check)] };
}

const EMPTY_NOTE = /无数据|空表|为空|无相关|无该项|没有|无此|未发生|不涉及|无[^。，]{0,24}(?:收入|支出|预算|安排|经费)/;
const KIND_WORDS: Record<string, RegExp> = { gov_fund: /政府性基金/, soe_capital: /国有资本经营/, three_public: /三公/ };

/** Empty tables: explained by a note, or contradicted by a figure the narrative states. */
function emptyTables(ctx: AuditContext): FamilyResult {
  const findings: Finding[] = [];
  const standard = ctx.tables.filter((t) => t.kind !== 'other' && !t.kind.startsWith('performance.') && t.kind !== 'budget.project_performance');
  const coverage = standard.length === 0 ? ['structure.empty_table_unexplained', 'structure.empty_table_narrative_figure'].map((c) => notApplicable(c, 'no standard table')) : [ran('structure.empty_table_unexplained'), ran('structure.empty_table_narrative_figure')];
  const tablesOnly = ctx.text.sentences().filter((x) => !x.toc && x.text.endsWith('。')).length < 3;
  for (const t of standard) {
    const recs = ctx.records.filter((r) => r.tableIndex === t.index);
    if (recs.some((r) => r.amountFen !== 0)) continue;
    const suffix = t.kind.split('.')[1] ?? '';
    const stated = narrativeFigure(ctx, suffix);
    if (stated) {
      findings.push(auditFinding('structure.empty_table_narrative_figure', `「${t.title ?? t.kind}」为空，而情况说明写明「${stated.quote}」`, `"${t.title ?? t.kind}" is empty while the narrative states a figure for it`, [tableEvidence(ctx, t.index), stated]));
      continue;
    }
    if (recs.length > 0) continue; // zeros printed: the table speaks for itself
    const source = ctx.doc.tables.find((x) => x.index === t.index);
    const note = [...(source?.meta.notes ?? []), ...(source?.cells.map((c) => c.text) ?? [])].some((n) => EMPTY_NOTE.test(n.replace(/\s+/g, '')));
    const words = KIND_WORDS[suffix];
    // "本部门无政府性基金预算" or "政府性基金支出预算支出0万元" in the narrative explains it too
    const said = words !== undefined && ctx.text.sentences().some((s) => words.test(s.text) && (/无|没有|未安排|未发生|不涉及/.test(s.text) || /(?<![\d.])0(?:\.0+)?(?:万元|元)/.test(s.text)));
    if (note || said) continue;
    const f = auditFinding('structure.empty_table_unexplained', `「${t.title ?? t.kind}」没有数字，也没有“无数据/空表”的说明`, `"${t.title ?? t.kind}" has no figures and no note saying why (无数据/空表)`, [tableEvidence(ctx, t.index)]);
    // a tables-only PDF leaves its explanations to the narrative PDF published beside it
    findings.push(tablesOnly ? { ...f, severity: 'info', messageZh: `${f.messageZh}（本文件只有表格，说明可能在另行公开的情况说明中）`, messageEn: `${f.messageEn} (this file holds only tables; its narrative may be published separately)` } : f);
  }
  return { findings, coverage };
}

/** A non-zero figure the narrative states for the table's subject (三公, 政府性基金, 国有资本经营). */
function narrativeFigure(ctx: AuditContext, suffix: string): Evidence | null {
  if (suffix === 'three_public') {
    const stated = ctx.facts.filter((x) => /^three_public_|^agency_operation$/.test(x.name) && (x.amountFen ?? 0) > 0);
    const f = stated.find((x) => x.name.startsWith('three_public_')) ?? stated[0];
    if (f) return ctx.text.locate(`${f.printed}${f.unit ?? ''}`, f.page) ?? { page: f.page, bbox: null, quote: f.sentence.slice(0, 60) };
  }
  const words = KIND_WORDS[suffix];
  if (!words) return null;
  // the figure must stand in the clause that names the subject
  const re = new RegExp(`${words.source}[^。，；,;]{0,16}?(?:收入|支出|预算|决算)[^。，；,;\\d]{0,10}?(\\d[\\d,]*(?:\\.\\d+)?)(万元|元)`, 'g');
  for (const s of ctx.text.sentences()) {
    if (s.toc) continue;
    for (const m of s.text.matchAll(re)) {
      if (Number(m[1]!.replace(/,/g, '')) > 0) return ctx.text.evidence(s.start + m.index!, s.start + m.index! + m[0].length);
    }
  }
  return null;
}

export function structureRules(ctx: AuditContext): FamilyResult {
  const parts = [tocChecks(ctx), missingStandardTables(ctx), emptyTables(ctx)];
  return { findings: parts.flatMap((p) => p.findings), coverage: parts.flatMap((p) => p.coverage) };
}
