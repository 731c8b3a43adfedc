import { z } from 'zod';

/** target = Σ parts within one row of a table; `{stage}` stands for budget or final (三公 tables). */
export const RowIdentitySpec = z.object({
  id: z.string(),
  target: z.string(),
  parts: z.array(z.string()).min(1),
  /** the identity is checked only when the row has one of these (none: any part) */
  requiresAny: z.array(z.string()).default([]),
  /** …and none of these (another identity of the same target covers the row then) */
  absentAll: z.array(z.string()).default([]),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
});
export type RowIdentitySpec = z.infer<typeof RowIdentitySpec>;

/** Income sources besides appropriations, as income tables print them. */
const OTHER_SOURCES = ['superior_subsidy', 'business', 'operating', 'affiliate', 'other', 'carryover', 'fiscal_special_account', 'unit_funds', 'business_fund', 'non_peer_fiscal', 'non_fiscal_balance'];

/** total = Σ sources: appropriations as one column (财政拨款) or by budget (一般公共预算 | 政府性基金 | 国有资本), and the other sources. */
const sourcesTotal = (id: string, descriptionZh: string, descriptionEn: string) => [
  { id, target: 'total', parts: ['fiscal', ...OTHER_SOURCES], requiresAny: ['fiscal'], descriptionZh, descriptionEn },
  {
    id,
    target: 'total',
    parts: ['gpb', 'gov_fund', 'soe_capital', ...OTHER_SOURCES],
    requiresAny: ['gpb', 'superior_subsidy', 'business', 'other', 'carryover'],
    absentAll: ['fiscal'],
    descriptionZh,
    descriptionEn,
  },
];

export const ROW_IDENTITIES: readonly RowIdentitySpec[] = z.array(RowIdentitySpec).parse([
  {
    id: 'row.expenditure_total',
    target: 'total',
    parts: ['basic', 'project', 'to_superior', 'operating', 'affiliate_subsidy', 'reserve', 'carryover_next'],
    requiresAny: ['basic'],
    descriptionZh: '支出合计应等于基本支出、项目支出等之和',
    descriptionEn: 'expenditure total should equal basic + project + …',
  },
  {
    id: 'row.expenditure_total',
    target: 'total',
    parts: ['personnel', 'public', 'project', 'to_superior', 'operating', 'affiliate_subsidy', 'reserve', 'carryover_next'],
    requiresAny: ['personnel', 'public'],
    absentAll: ['basic'],
    descriptionZh: '支出合计应等于人员经费、公用经费、项目支出等之和',
    descriptionEn: 'expenditure total should equal personnel + public + project + …',
  },
  {
    id: 'row.expenditure_total',
    target: 'total',
    parts: ['project', 'to_superior', 'operating', 'affiliate_subsidy', 'reserve', 'carryover_next'],
    requiresAny: ['project'],
    absentAll: ['basic', 'personnel', 'public'],
    descriptionZh: '支出合计应等于项目支出等之和',
    descriptionEn: 'expenditure total should equal project + …',
  },
  { id: 'row.basic_split', target: 'basic', parts: ['personnel', 'public'], descriptionZh: '基本支出应等于人员经费与公用经费之和', descriptionEn: 'basic should equal personnel + public' },
  ...sourcesTotal('row.income_total', '本年收入合计应等于各项收入之和', 'income total should equal the sum of sources'),
  // expenditure tables printed by fund source (基本支出 / 项目支出 tables of 深圳, 烟台): the total is their sum as an income total is
  ...sourcesTotal('row.sources_total', '合计应等于各资金来源之和', 'total should equal the sum of its fund sources'),
  { id: 'row.fiscal_split', target: 'fiscal', parts: ['gpb', 'gov_fund', 'soe_capital'], requiresAny: ['gpb'], descriptionZh: '财政拨款应等于一般公共预算、政府性基金预算与国有资本经营预算之和', descriptionEn: 'fiscal should equal gpb + gov_fund + soe_capital' },
  { id: 'row.fiscal_total', target: 'total', parts: ['gpb', 'gov_fund', 'soe_capital'], descriptionZh: '合计应等于三本预算财政拨款之和', descriptionEn: 'total should equal gpb + gov_fund + soe_capital' },
  { id: 'row.summary_split', target: 'amount', parts: ['personnel', 'public', 'project'], descriptionZh: '合计应等于人员经费、公用经费与项目支出之和', descriptionEn: 'amount should equal personnel + public + project' },
  { id: 'row.basic_total', target: 'total', parts: ['personnel', 'public'], descriptionZh: '合计应等于人员经费与公用经费之和', descriptionEn: 'total should equal personnel + public' },
  {
    id: 'three_public.grand_total',
    target: '{stage}.grand_total',
    parts: ['{stage}.total', '{stage}.meeting', '{stage}.training'],
    descriptionZh: '合计应等于“三公”经费、会议费与培训费之和',
    descriptionEn: 'grand total should equal three-public + meetings + training',
  },
  {
    id: 'three_public.total',
    target: '{stage}.total',
    parts: ['{stage}.overseas', '{stage}.vehicle_total', '{stage}.reception'],
    descriptionZh: '“三公”合计应等于因公出国（境）费、公务用车购置及运行费、公务接待费之和',
    descriptionEn: 'three-public total should equal overseas + vehicles + reception',
  },
  {
    id: 'three_public.vehicle',
    target: '{stage}.vehicle_total',
    parts: ['{stage}.vehicle_purchase', '{stage}.vehicle_operation'],
    descriptionZh: '公务用车购置及运行费应等于购置费与运行费之和',
    descriptionEn: 'vehicle total should equal purchase + operation',
  },
]);

export function rowIdentity(id: string): RowIdentitySpec | undefined {
  return ROW_IDENTITIES.find((r) => r.id === id);
}

/** The identity is checked on a row (or a table) with these measures: one it requires, none it rules out. */
export function rowIdentityApplies(spec: RowIdentitySpec, measures: { has(measure: string): boolean }): boolean {
  return (spec.requiresAny.length === 0 || spec.requiresAny.some((p) => measures.has(p))) && !spec.absentAll.some((p) => measures.has(p));
}
