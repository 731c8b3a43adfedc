/** The audit's rule families and rules: stable ids, documented one by one in docs/RULES.md. */

export const FAMILIES = {
  structure: { zh: '结构', en: 'structure' },
  template: { zh: '模板残留', en: 'template residue' },
  years: { zh: '年份与日期', en: 'years and dates' },
  wording: { zh: '措辞与数字', en: 'wording vs numbers' },
  restated: { zh: '说明复述数字', en: 'restated figures' },
  identity: { zh: '勾稽关系', en: 'accounting identities' },
  coding: { zh: '科目编码', en: 'account codes' },
} as const;
export type FamilyId = keyof typeof FAMILIES;

export interface RuleInfo {
  family: FamilyId;
  severity: 'error' | 'warning' | 'info';
  en: string;
}

/** The audit's own rules. */
export const RULES = {
  'structure.toc_missing_table': { family: 'structure', severity: 'error', en: 'a table the 目录 lists is not in the report' },
  'structure.toc_unlisted_table': { family: 'structure', severity: 'warning', en: 'a standard table of the report is not listed in the 目录' },
  'structure.toc_page_mismatch': { family: 'structure', severity: 'warning', en: 'the 目录 gives a page the entry is not on' },
  'structure.standard_table_missing': { family: 'structure', severity: 'warning', en: 'a standard table of the report set is missing' },
  'structure.empty_table_unexplained': { family: 'structure', severity: 'warning', en: 'an empty table without a 无数据/空表 note' },
  'structure.empty_table_narrative_figure': { family: 'structure', severity: 'error', en: 'a table left empty while the narrative states its figure' },
  'template.placeholder': { family: 'template', severity: 'error', en: 'a placeholder left from the template (XX局, ××, {部门})' },
  'template.fill_in': { family: 'template', severity: 'error', en: 'a fill-in instruction left in the text (待填写, 请填写)' },
  'template.doubled_word': { family: 'template', severity: 'warning', en: 'a word written twice (的的, 万元万元)' },
  'years.heading_year': { family: 'years', severity: 'error', en: 'a heading or title names a year other than the report year' },
  'years.sentence_year': { family: 'years', severity: 'warning', en: 'a sentence gives a figure of the report for another year' },
  'years.cutoff_date': { family: 'years', severity: 'warning', en: '截至…年12月31日 is not at the end of the year the report covers' },
  'wording.comparison': { family: 'wording', severity: 'error', en: '大于/小于/等于/持平 contradicts the two amounts of the sentence' },
  'wording.change_direction': { family: 'wording', severity: 'error', en: '增加/减少/增长/下降 contradicts the amounts' },
  'wording.change_amount': { family: 'wording', severity: 'error', en: 'the stated difference is not the difference of the amounts' },
  'wording.change_percent': { family: 'wording', severity: 'warning', en: 'the stated percentage is not the one the amounts give' },
  'restated.total_missing': { family: 'restated', severity: 'error', en: 'a total stated as 0 or with no figure while the tables print it' },
  'restated.item_amounts': { family: 'restated', severity: 'warning', en: 'an amount of a (类)(款)(项) sentence differs from the table row it names' },
} as const satisfies Record<string, RuleInfo>;
export type RuleId = keyof typeof RULES;

/** Rules older than the audit, by id prefix: the identity and narrative checks join their families here. */
const LEGACY_FAMILIES: Array<[RegExp, FamilyId]> = [
  [/^(hierarchy|row|two_sided|across|three_public)\./, 'identity'],
  [/^(narrative|publication)\./, 'restated'],
  [/^catalog\./, 'coding'],
  [/^ocr\./, 'structure'],
];

export function familyOf(rule: string): FamilyId {
  const own = (RULES as Record<string, RuleInfo>)[rule];
  if (own) return own.family;
  const family = LEGACY_FAMILIES.find(([re]) => re.test(rule))?.[1];
  if (family) return family;
  // a rule a later parser adds before it is registered here is still counted, under its prefix
  return 'identity';
}
