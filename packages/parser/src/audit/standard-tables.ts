/** The standard tables of a report's set, by kind suffix, with the names a reviewer knows them by. */
const NAMES: Record<string, { final: string; budget: string }> = {
  summary: { final: '收入支出决算总表', budget: '收支预算总表' },
  income: { final: '收入决算表', budget: '收入预算表' },
  expenditure: { final: '支出决算表', budget: '支出预算表' },
  fiscal_summary: { final: '财政拨款收入支出决算总表', budget: '财政拨款收支预算总表' },
  gpb_expenditure: { final: '一般公共预算财政拨款支出决算表', budget: '一般公共预算支出预算表' },
  gpb_basic: { final: '一般公共预算财政拨款基本支出决算表', budget: '一般公共预算基本支出预算表' },
  three_public: { final: '财政拨款“三公”经费支出决算表', budget: '“三公”经费预算表' },
  gov_fund: { final: '政府性基金预算财政拨款收入支出决算表', budget: '政府性基金预算支出预算表' },
};

/** The tables every 部门决算 / 部门预算 publishes (国有资本经营 tables only some years and places). */
export const REPORT_SET = ['summary', 'income', 'expenditure', 'fiscal_summary', 'gpb_expenditure', 'gpb_basic', 'three_public', 'gov_fund'] as const;

export type Stage = 'final' | 'budget';

export const stageOf = (kind: string): Stage => (kind === 'budget' ? 'budget' : 'final');

export function tableName(suffix: string, stage: Stage): string {
  return NAMES[suffix]?.[stage] ?? suffix;
}

/** The kind suffixes a document's tables have (standard ones only). */
export function presentSuffixes(kinds: string[], stage: Stage): Set<string> {
  return new Set(kinds.filter((k) => k.startsWith(`${stage}.`)).map((k) => k.slice(stage.length + 1)));
}
