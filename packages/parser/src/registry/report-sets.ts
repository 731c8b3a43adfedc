import { z } from 'zod';

/**
 * The table sets a 部门预算/决算 publishes, by template. Each slot is one table of the set; any
 * kind suffix it lists fills it (a template that breaks basic expenditure down by 经济分类 in
 * another table than 一般公共预算基本支出表). The audit checks a report against the set it fits best.
 */
export const ReportSet = z.object({
  id: z.string(),
  nameZh: z.string(),
  slots: z.array(z.array(z.string()).min(1)).min(1),
});
export type ReportSet = z.infer<typeof ReportSet>;

export const REPORT_SETS: readonly ReportSet[] = z.array(ReportSet).parse([
  {
    id: 'local',
    nameZh: '地方部门预算/决算公开表（财政部模板：8–12 表）',
    // 国有资本经营 tables only some years and places
    slots: [['summary'], ['income'], ['expenditure'], ['fiscal_summary'], ['gpb_expenditure', 'fiscal_expenditure'], ['gpb_basic', 'gpb_by_econ', 'fiscal_basic', 'fiscal_by_econ'], ['three_public'], ['gov_fund']],
  },
  {
    id: 'central_university',
    nameZh: '中央高校部门预算（教育部模板：收支、收入、支出、财政拨款支出）',
    slots: [['summary'], ['income'], ['expenditure'], ['fiscal_expenditure']],
  },
]);

/** The set a report fits best: the fewest empty slots, the larger set on a tie (its missing table is the likelier slip). */
export function bestReportSet(present: Set<string>): { set: ReportSet; missing: string[][] } {
  const scored = REPORT_SETS.map((set) => ({ set, missing: set.slots.filter((slot) => !slot.some((s) => present.has(s))) }));
  scored.sort((a, b) => a.missing.length - b.missing.length || b.set.slots.length - a.set.slots.length);
  return scored[0]!;
}
