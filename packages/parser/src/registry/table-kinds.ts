import { z } from 'zod';
import { PROCUREMENT_HEADER_SIGNS } from './context-columns.ts';
import { VOCABULARIES } from './measures.ts';
import type { VocabularyId } from './measures.ts';

export const Family = z.enum(['final', 'budget', 'performance']);
export type Family = z.infer<typeof Family>;

/** What the rows of a table are: it decides how a row is identified and which catalog applies. */
export const RowShape = z.enum(['functional', 'economic', 'codes', 'two_sided', 'sources', 'one_row', 'procurement', 'projects', 'text']);
export type RowShape = z.infer<typeof RowShape>;

const vocabularyId = z.custom<VocabularyId>((v) => typeof v === 'string' && v in VOCABULARIES);

export const TableKindSpec = z.object({
  /** the kind without its family: `fiscal_expenditure` is budget.fiscal_expenditure or final.fiscal_expenditure */
  stem: z.string().regex(/^[a-z_]+$/),
  families: z.array(Family).min(1),
  nameZh: z.string(),
  /** the name a reviewer knows the table by in each family's standard set, where it differs */
  names: z.object({ final: z.string().optional(), budget: z.string().optional() }).default({}),
  /** titles (normalised: no whitespace, quotes, numbering, year or publisher) that name the kind */
  titles: z.array(z.instanceof(RegExp)).min(1),
  /** titles that look alike but are another table */
  notTitles: z.array(z.instanceof(RegExp)).default([]),
  rows: RowShape,
  /** header words that confirm the kind; a two-sided table prints 收入 and 支出 */
  header: z.array(z.instanceof(RegExp)).default([]),
  /** its rows are one side only (收入表, 支出表): a table printing income beside expenditure is not this kind */
  oneSide: z.boolean().default(false),
  /** header words only this kind prints: HEADER_SIGNS_NAMING_KIND of them name it where an OCR title does not */
  headerSigns: z.array(z.instanceof(RegExp)).default([]),
  columns: z.union([vocabularyId, z.object({ income: vocabularyId, expenditure: vocabularyId })]),
  /** side-by-side panels: income | expenditure, or personnel | public (决算 basic table) */
  panels: z.enum(['none', 'sides', 'personnel_public']).default('none'),
  /** row identities (ids of ROW_IDENTITIES) that hold in every row */
  rowIdentities: z.array(z.string()).default([]),
  /** records are made of its cells (false: text tables such as 绩效目标表) */
  parse: z.boolean().default(true),
});
export type TableKindSpec = z.infer<typeof TableKindSpec>;

/** How many of a kind's header signs name it. */
export const HEADER_SIGNS_NAMING_KIND = 2;

const FUNCTIONAL_TOTALS = ['row.expenditure_total', 'row.basic_split'];
/** An expenditure table printed by fund source sums its sources as an income table does. */
const BY_SOURCE = ['row.sources_total', 'row.fiscal_split'];

/** Every canonical table kind, most specific first: the first whose title matches is the candidate. */
export const TABLE_KINDS: readonly TableKindSpec[] = z.array(TableKindSpec).parse([
  { stem: 'project_performance', families: ['budget'], nameZh: '项目支出绩效目标表', titles: [/绩效目标/, /项目.*绩效表/], rows: 'text', columns: 'single_amount', parse: false },
  { stem: 'project', families: ['performance'], nameZh: '项目支出绩效自评表', titles: [/项目.*绩效/], rows: 'text', columns: 'single_amount', parse: false },
  { stem: 'department', families: ['performance'], nameZh: '部门整体支出绩效自评表', titles: [/整体.*绩效|绩效.*整体/], rows: 'text', columns: 'single_amount', parse: false },
  {
    stem: 'three_public',
    names: { final: '财政拨款“三公”经费支出决算表', budget: '“三公”经费预算表' },
    families: ['final', 'budget'],
    nameZh: '“三公”经费支出表（含会议费、培训费或机关运行经费）',
    titles: [/三公/],
    notTitles: [/政府性基金|国有资本/],
    rows: 'one_row',
    headerSigns: [/因公出国/, /公务用车/, /公务接待/],
    columns: 'three_public',
    rowIdentities: ['three_public.grand_total', 'three_public.total', 'three_public.vehicle'],
  },
  { stem: 'gov_fund',
    names: { final: '政府性基金预算财政拨款收入支出决算表', budget: '政府性基金预算支出预算表' }, families: ['final', 'budget'], nameZh: '政府性基金预算（财政拨款）支出表', titles: [/政府性基金/], rows: 'functional', columns: 'general', rowIdentities: FUNCTIONAL_TOTALS },
  { stem: 'soe_capital', families: ['final', 'budget'], nameZh: '国有资本经营预算（财政拨款）支出表', titles: [/国有资本经营/], rows: 'functional', columns: 'general', rowIdentities: FUNCTIONAL_TOTALS },
  { stem: 'agency_operation', families: ['budget'], nameZh: '一般公共预算机关运行经费支出预算表', titles: [/机关运行经费/], rows: 'economic', columns: 'single_amount' },
  { stem: 'procurement', families: ['budget'], nameZh: '政府采购（支出）预算表', titles: [/政府采购/], rows: 'procurement', headerSigns: PROCUREMENT_HEADER_SIGNS, columns: 'procurement' },
  { stem: 'gpb_basic',
    names: { final: '一般公共预算财政拨款基本支出决算表', budget: '一般公共预算基本支出预算表' }, families: ['final', 'budget'], nameZh: '一般公共预算（财政拨款）基本支出表（经济分类）', titles: [/一般公共预算.*基本支出/], rows: 'economic', columns: 'general', panels: 'personnel_public', rowIdentities: ['row.basic_total'] },
  { stem: 'fiscal_basic', families: ['final', 'budget'], nameZh: '财政拨款基本支出预算表（经济科目）', titles: [/财政拨款基本支出/], rows: 'economic', columns: 'general', rowIdentities: ['row.basic_total'] },
  { stem: 'fiscal_by_econ', families: ['budget'], nameZh: '财政拨款支出预算表（部门经济分类科目）', titles: [/财政拨款支出.*经济(分类|科目)/], rows: 'economic', columns: 'general', rowIdentities: FUNCTIONAL_TOTALS },
  { stem: 'gpb_project', families: ['final', 'budget'], nameZh: '一般公共预算（财政拨款）项目支出表', titles: [/一般公共预算.*项目支出/], rows: 'codes', columns: 'general', rowIdentities: FUNCTIONAL_TOTALS },
  { stem: 'gpb_by_econ', families: ['budget'], nameZh: '一般公共预算支出表（按经济分类）', titles: [/一般公共预算.*支出.*经济(分类|科目)/], rows: 'economic', columns: 'general', rowIdentities: FUNCTIONAL_TOTALS },
  {
    stem: 'fiscal_summary',
    names: { final: '财政拨款收入支出决算总表', budget: '财政拨款收支预算总表' },
    families: ['final', 'budget'],
    nameZh: '财政拨款收支（预算/决算）总表',
    titles: [/财政拨款收(入)?支(出)?.*(总表|总体情况表|决算表)/],
    rows: 'two_sided',
    header: [/收入/, /支出/],
    headerSigns: [/财政拨款收入/, /拨款支出/],
    columns: { income: 'single_amount', expenditure: 'fiscal_summary_expenditure' },
    panels: 'sides',
    rowIdentities: ['row.fiscal_total'],
  },
  { stem: 'gpb_detail', families: ['final'], nameZh: '一般公共预算财政拨款支出决算明细表', titles: [/一般公共预算.*支出.*明细/], rows: 'codes', columns: 'general' },
  { stem: 'fiscal_detail', families: ['final'], nameZh: '财政拨款支出决算明细表', titles: [/财政拨款支出.*明细/], rows: 'codes', columns: 'general' },
  { stem: 'gpb_expenditure',
    names: { final: '一般公共预算财政拨款支出决算表', budget: '一般公共预算支出预算表' }, families: ['final', 'budget'], nameZh: '一般公共预算（财政拨款）支出表（功能分类）', titles: [/一般公共预算.*支出/], rows: 'functional', columns: 'general', rowIdentities: FUNCTIONAL_TOTALS },
  { stem: 'fiscal_expenditure', families: ['final', 'budget'], nameZh: '财政拨款支出表（功能科目）', titles: [/财政拨款支出/], rows: 'functional', columns: 'general', rowIdentities: FUNCTIONAL_TOTALS },
  { stem: 'basic_expenditure', families: ['budget'], nameZh: '基本支出预算表', titles: [/基本支出/], rows: 'codes', columns: 'general', rowIdentities: ['row.basic_total', ...BY_SOURCE] },
  { stem: 'project_expenditure', families: ['budget'], nameZh: '项目支出预算表', titles: [/项目支出/], rows: 'projects', columns: 'general', rowIdentities: [...FUNCTIONAL_TOTALS, ...BY_SOURCE] },
  {
    stem: 'summary',
    names: { final: '收入支出决算总表', budget: '收支预算总表' },
    families: ['final', 'budget'],
    nameZh: '收支（预算/决算）总表',
    titles: [/(收入支出|收支).*表/],
    rows: 'two_sided',
    header: [/收入/, /支出/],
    columns: { income: 'single_amount', expenditure: 'summary_expenditure' },
    panels: 'sides',
    rowIdentities: ['row.summary_split'],
  },
  { stem: 'income',
    names: { final: '收入决算表', budget: '收入预算表' }, families: ['final', 'budget'], nameZh: '收入（预算/决算）总表', titles: [/收入.*表/], rows: 'functional', oneSide: true, columns: 'general', rowIdentities: ['row.income_total', 'row.fiscal_split'] },
  { stem: 'expenditure',
    names: { final: '支出决算表', budget: '支出预算表' }, families: ['final', 'budget'], nameZh: '支出（预算/决算）总表', titles: [/支出.*表/], rows: 'functional', oneSide: true, columns: 'general', rowIdentities: ['row.expenditure_total', 'row.basic_split'] },
]);

const BY_ID = new Map<string, TableKindSpec>();
for (const spec of TABLE_KINDS) for (const f of spec.families) BY_ID.set(`${f}.${spec.stem}`, spec);

/** The spec of a canonical kind id (`budget.summary`), or undefined for `other`. */
export function kindSpec(kind: string): TableKindSpec | undefined {
  return BY_ID.get(kind);
}

export const tableKindIds = (): string[] => [...BY_ID.keys()];

export const isTwoSided = (kind: string): boolean => kindSpec(kind)?.rows === 'two_sided';

/**
 * Families whose two-sided tables balance at their last total, 合计 where they print no 总计: a
 * budget plans every yuan it takes in. A 决算's 本年收入合计 and 本年支出合计 differ by the year's
 * balance, and only its 总计 rows (carry-overs added) agree.
 */
const BALANCED_AT_LAST_TOTAL: ReadonlySet<Family> = new Set(['budget']);

/** Whether a two-sided table of this kind balances at its 合计 when it prints no 总计. */
export const balancesAtLastTotal = (kind: string): boolean => BALANCED_AT_LAST_TOTAL.has(kind.split('.')[0] as Family);
