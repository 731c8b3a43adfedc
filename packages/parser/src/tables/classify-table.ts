import type { DocumentKind } from '@juesuan/model';

export type TableFamily = 'final' | 'budget';

/** Canonical kind from the title (and, failing that, the header), robust to regional wording. */
export function classifyTable(title: string | null, headerText: string, docKind: DocumentKind, panels: number): string {
  const raw = (title ?? '').replace(/\s+/g, '');
  const family: TableFamily = /决算/.test(raw) ? 'final' : /预算/.test(raw) && !/决算/.test(raw) && docKind !== 'final' ? 'budget' : docKind === 'budget' ? 'budget' : 'final';
  // drop the year and who publishes it: "2025年部门…", "上海市XX局2024年度…"
  const t = raw.replace(/^.*?\d{4}年度?/, '').replace(/[“”"'‘’]/g, '');
  const kind = kindOfTitle(t, family);
  if (kind) return kind;
  const h = headerText.replace(/\s+/g, '');
  if (panels >= 2 && /收入/.test(h) && /支出/.test(h)) return `${family}.summary`;
  return 'other';
}

function kindOfTitle(t: string, family: TableFamily): string | null {
  if (t === '') return null;
  if (/绩效目标/.test(t)) return family === 'budget' ? 'budget.project_performance' : 'other';
  if (/绩效/.test(t)) return /项目/.test(t) ? 'performance.project' : /整体/.test(t) ? 'performance.department' : 'other';
  // a 三公 table of government-fund money is not the standard one
  if (/三公/.test(t)) return /政府性基金|国有资本/.test(t) ? 'other' : `${family}.three_public`;
  if (/政府性基金/.test(t)) return `${family}.gov_fund`;
  if (/国有资本经营/.test(t)) return `${family}.soe_capital`;
  if (/基本支出/.test(t) && /(经济分类|一般公共预算|财政拨款)/.test(t)) return `${family}.gpb_basic`;
  if (/财政拨款支出.*经济分类/.test(t)) return family === 'budget' ? 'budget.fiscal_by_econ' : `${family}.gpb_basic`;
  if (/财政拨款收(入)?支(出)?(决算|预算)?总?表/.test(t)) return `${family}.fiscal_summary`;
  if (/一般公共预算.*项目支出/.test(t)) return family === 'final' ? 'final.gpb_project' : 'other';
  // the older 决算 formats print a 明细表 beside the 一般公共预算财政拨款支出决算表
  if (/一般公共预算.*支出.*明细/.test(t)) return family === 'final' ? 'final.gpb_detail' : `${family}.gpb_expenditure`;
  if (/一般公共预算.*支出/.test(t)) return `${family}.gpb_expenditure`;
  if (/财政拨款支出.*明细/.test(t)) return 'final.fiscal_detail';
  // a list of projects (项目支出预算表) is none of the standard tables
  if (/项目支出/.test(t) && !/基本支出/.test(t)) return 'other';
  if (/(收入支出|收支).*表/.test(t)) return `${family}.summary`;
  if (/收入.*表/.test(t)) return `${family}.income`;
  if (/支出.*表/.test(t)) return `${family}.expenditure`;
  return null;
}

export function isTwoSided(kind: string): boolean {
  return /\.(summary|fiscal_summary)$/.test(kind);
}
