import { z } from 'zod';

/** One canonical measure: what a column means, whatever its header's wording. */
export const MeasureSpec = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  nameZh: z.string(),
  nameEn: z.string(),
});
export type MeasureSpec = z.infer<typeof MeasureSpec>;

/** Every measure id a standard table can carry (three_public ids are prefixed budget./final.). */
export const MEASURES: readonly MeasureSpec[] = z.array(MeasureSpec).parse([
  { id: 'amount', nameZh: '金额 / 预算数 / 决算数', nameEn: 'the single amount column of a table' },
  { id: 'total', nameZh: '合计 / 小计 / 本年收入合计 / 本年支出合计', nameEn: 'row total' },
  { id: 'basic', nameZh: '基本支出', nameEn: 'basic (recurrent) expenditure' },
  { id: 'project', nameZh: '项目支出', nameEn: 'project expenditure' },
  { id: 'personnel', nameZh: '人员经费', nameEn: 'personnel expenditure' },
  { id: 'public', nameZh: '公用经费', nameEn: 'public (operating) expenditure' },
  { id: 'reserve', nameZh: '单位预留机动经费', nameEn: 'reserve held by the unit' },
  { id: 'carryover_next', nameZh: '结转下年资金', nameEn: 'funds carried over to next year' },
  { id: 'to_superior', nameZh: '上缴上级支出', nameEn: 'remitted to the superior' },
  { id: 'operating', nameZh: '经营收入 / 经营支出', nameEn: 'operating income or expenditure' },
  { id: 'affiliate_subsidy', nameZh: '对附属单位补助支出', nameEn: 'subsidies to affiliated units' },
  { id: 'affiliate', nameZh: '附属单位上缴收入', nameEn: 'income remitted by affiliated units' },
  { id: 'superior_subsidy', nameZh: '上级补助收入', nameEn: 'subsidies from the superior' },
  { id: 'business', nameZh: '事业收入', nameEn: 'business (service) income' },
  { id: 'education_fee', nameZh: '其中：教育收费', nameEn: 'of which education fees' },
  { id: 'other', nameZh: '其他收入', nameEn: 'other income' },
  { id: 'fiscal', nameZh: '财政拨款（补助）收入', nameEn: 'fiscal appropriation' },
  { id: 'gpb', nameZh: '一般公共预算（财政拨款）', nameEn: 'general public budget' },
  { id: 'gov_fund', nameZh: '政府性基金预算（财政拨款）', nameEn: 'government fund budget' },
  { id: 'soe_capital', nameZh: '国有资本经营预算（财政拨款）', nameEn: 'state capital operation budget' },
  { id: 'fiscal_special_account', nameZh: '财政专户管理资金', nameEn: 'funds managed in the fiscal special account' },
  { id: 'unit_funds', nameZh: '单位资金', nameEn: "the unit's own funds" },
  { id: 'business_fund', nameZh: '用事业基金弥补收支差额', nameEn: 'business fund used to cover the gap' },
  { id: 'non_fiscal_balance', nameZh: '使用非财政拨款结余', nameEn: 'non-appropriation balances used' },
  { id: 'non_peer_fiscal', nameZh: '非同级财政拨款', nameEn: 'appropriations from other levels of government' },
  { id: 'carryover', nameZh: '上年结转（结余）', nameEn: 'carried over from last year' },
  { id: 'carryover_gpb', nameZh: '上年结转 一般公共预算', nameEn: 'carry-over of general public budget funds' },
  { id: 'carryover_gov_fund', nameZh: '上年结转 政府性基金预算', nameEn: 'carry-over of government fund money' },
  { id: 'carryover_soe_capital', nameZh: '上年结转 国有资本经营预算', nameEn: 'carry-over of state capital operation money' },
  { id: 'carryover_fiscal_special_account', nameZh: '上年结转 财政专户管理资金', nameEn: 'carry-over of fiscal special account funds' },
  { id: 'carryover_unit_funds', nameZh: '上年结转 单位资金', nameEn: "carry-over of the unit's own funds" },
  { id: 'opening', nameZh: '年初结转和结余', nameEn: 'opening carry-over and balance' },
  { id: 'closing', nameZh: '年末结转和结余', nameEn: 'closing carry-over and balance' },
  { id: 'income', nameZh: '本年收入', nameEn: 'income of the year' },
  { id: 'budget_initial', nameZh: '年初预算数', nameEn: 'initial budget' },
  { id: 'current_year', nameZh: '当年财政拨款 / 本年财政拨款', nameEn: "this year's appropriation" },
  { id: 'capital_construction', nameZh: '其中：基本建设资金支出', nameEn: 'of which capital construction' },
  { id: 'agency_operation', nameZh: '机关运行经费', nameEn: 'agency operating expenses' },
  { id: 'grand_total', nameZh: '合计（“三公”经费、会议费、培训费）', nameEn: 'three-public plus meetings and training' },
  { id: 'overseas', nameZh: '因公出国（境）费', nameEn: 'official travel abroad' },
  { id: 'overseas_research', nameZh: '科研因公出国（境）费用', nameEn: 'official travel abroad for research (part of the travel abroad)' },
  { id: 'vehicle_total', nameZh: '公务用车购置及运行（维护）费', nameEn: 'official vehicles, purchase and operation' },
  { id: 'vehicle_purchase', nameZh: '公务用车购置费', nameEn: 'official vehicle purchase' },
  { id: 'vehicle_operation', nameZh: '公务用车运行（维护）费', nameEn: 'official vehicle operation' },
  { id: 'reception', nameZh: '公务接待费', nameEn: 'official receptions' },
  { id: 'meeting', nameZh: '会议费', nameEn: 'meetings' },
  { id: 'training', nameZh: '培训费', nameEn: 'training' },
  { id: 'change', nameZh: '增减额 / 比上年增减', nameEn: 'change against the column it is compared with (this year less the last)' },
]);

/** A column vocabulary: header wordings → measure ids, the deepest header that matches decides. */
export const Vocabulary = z.object({
  rules: z.array(z.tuple([z.instanceof(RegExp), z.string()])),
  /** the measure of a column whose header matches no rule but is an amount column (null: col:<header>) */
  fallback: z.string().nullable(),
});
export type Vocabulary = z.infer<typeof Vocabulary>;

const SINGLE_AMOUNT: Array<[RegExp, string]> = [[/决算数|预算数|金额|数额|总计|合计|小计|机关运行经费/, 'amount']];

/** The three budgets a column's money comes from (a fund heading over or under an amount column). */
export const FUND_RULES: Array<[RegExp, string]> = [
  [/一般公共(?:预算)?/, 'gpb'],
  [/政府性基金/, 'gov_fund'],
  // spelt out, so OCR's one misread character in 国有资本经营预算拨款收入 is near a word beside filler
  [/国有资本(?:经营预算)?/, 'soe_capital'],
];

/** Columns by fund source: income tables, project tables. */
const SOURCE_RULES: Array<[RegExp, string]> = [
  [/财政专户(?:管理资金)?/, 'fiscal_special_account'],
  [/单位资金/, 'unit_funds'],
  [/用事业基金弥补/, 'business_fund'],
  [/非同级财政/, 'non_peer_fiscal'],
  [/非财政拨款结余/, 'non_fiscal_balance'],
  [/(?<!不含)教育收费/, 'education_fee'],
];

const GENERAL_RULES: Array<[RegExp, string]> = [
  // a difference between two columns (2026年预算数比2025年执行数 / 增减额), never the amount its group names
  [/增减|增加额|减少额|变动额/, 'change'],
  [/年初结转和结余|年初财政拨款结转/, 'opening'],
  [/年末结转和结余|年末财政拨款结转/, 'closing'],
  [/结转下年/, 'carryover_next'],
  [/上年结转|上年结余/, 'carryover'],
  [/年初预算/, 'budget_initial'],
  [/当年财政拨款|本年财政拨款/, 'current_year'],
  [/预留机动/, 'reserve'],
  [/基本建设/, 'capital_construction'],
  [/人员经费|人员支出|人员类/, 'personnel'],
  [/公用经费|公用支出|公用类/, 'public'],
  [/基本支出/, 'basic'],
  [/项目支出/, 'project'],
  [/上缴上级/, 'to_superior'],
  [/对附属单位补助/, 'affiliate_subsidy'],
  [/附属单位上缴|附属单位缴款/, 'affiliate'],
  [/上级补助/, 'superior_subsidy'],
  [/(?:事业单位)?经营支出/, 'operating'],
  [/(?:事业单位)?经营收入/, 'operating'],
  ...SOURCE_RULES,
  [/事业收入/, 'business'],
  [/其他收入/, 'other'],
  [/本年收入合计|本年支出合计/, 'total'],
  [/财政拨款/, 'fiscal'],
  ...FUND_RULES,
  [/^本年收入$/, 'income'],
  [/^本年支出$/, 'total'],
  [/合计|小计|总计/, 'total'],
  [/决算数|预算数|金额|数额/, 'amount'],
];

/** Under a 上年结转 group, the fund columns are carry-overs by source. */
export const CARRYOVER_SOURCES: Array<[RegExp, string]> = [
  [/一般公共/, 'carryover_gpb'],
  [/政府性基金/, 'carryover_gov_fund'],
  [/国有资本/, 'carryover_soe_capital'],
  // the full name too: OCR's one misread character (财政专声管理资金) is near it, never near 财政专户 beside 管理资金
  [/财政专户(?:管理资金)?/, 'carryover_fiscal_special_account'],
  [/单位资金/, 'carryover_unit_funds'],
];

const THREE_PUBLIC_RULES: Array<[RegExp, string]> = [
  [/机关运行/, 'agency_operation'],
  [/会议费/, 'meeting'],
  [/培训费/, 'training'],
  [/购置及运行|购置和运行/, 'vehicle_total'],
  // the full names too: OCR's one misread character is near them (公务用车运才维护费), never near 运行 alone
  [/公务用车购置费|购置/, 'vehicle_purchase'],
  [/公务用车运行维护费|运行维护费|运行/, 'vehicle_operation'],
  // the research part some regions print beside 因公出国 (科研因公出国（境）费用): not the travel abroad it is part of
  [/科研因公出国/, 'overseas_research'],
  [/因公出国/, 'overseas'],
  [/接待/, 'reception'],
  [/三公/, 'total'],
];

export const VOCABULARIES = {
  general: { rules: GENERAL_RULES, fallback: null },
  single_amount: { rules: SINGLE_AMOUNT, fallback: null },
  summary_expenditure: {
    rules: [
      [/人员经费/, 'personnel'],
      [/公用经费/, 'public'],
      [/项目支出/, 'project'],
      [/决算数|预算数|金额|数额|合计|小计/, 'amount'],
    ],
    fallback: null,
  },
  fiscal_summary_expenditure: {
    rules: [
      ...FUND_RULES,
      [/合计|小计|总计/, 'total'],
      [/决算数|预算数|金额|数额/, 'amount'],
    ],
    fallback: null,
  },
  three_public: { rules: THREE_PUBLIC_RULES, fallback: null },
  // its total is the table's one amount; some regions print it by fund source too (财政拨款 / 一般公共预算 …, 单位资金), named as elsewhere
  procurement: { rules: [[/总计|合计|金额|预算数|采购预算/, 'amount'], ...GENERAL_RULES], fallback: null },
} satisfies Record<string, Vocabulary>;
export type VocabularyId = keyof typeof VOCABULARIES;

