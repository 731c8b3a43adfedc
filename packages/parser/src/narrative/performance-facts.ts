import type { ExtractedDocument, Fact } from '@juesuan/model';
import { parseAmount } from '../amounts/parse-amount.ts';
import { NUM, narrativeText, printedDecimal } from './narrative-facts.ts';

interface Metric {
  name: string;
  pattern: RegExp;
  kind: 'amount' | 'percent' | 'value';
}

/** What a project's self-evaluation states, each as it is usually worded. */
const PROJECT_METRICS: Metric[] = [
  // the first pattern that matches wins: 年初预算 before the 批复 amount
  { name: 'project.budget', pattern: new RegExp(`(?:年初预算(?:数)?|追加预算)(?:为)?\\s*${NUM}\\s*万元`), kind: 'amount' },
  { name: 'project.budget', pattern: new RegExp(`${NUM}万元(?:均)?为(?:年初|追加)?本级预算|预算(?:批复)?(?:金额|数)(?:为)?\\s*${NUM}\\s*万元`), kind: 'amount' },
  { name: 'project.adjusted_budget', pattern: new RegExp(`(?:预算)?调整(?:后)?为\\s*${NUM}\\s*万元`), kind: 'amount' },
  { name: 'project.executed', pattern: new RegExp(`(?:实际支出|已支出|支出金额|执行(?:金额|数))(?:为)?\\s*${NUM}\\s*万元`), kind: 'amount' },
  { name: 'project.execution_rate', pattern: new RegExp(`(?:资金已|执行率(?:为|达)?|支出率(?:为|达)?)\\s*${NUM}\\s*%`), kind: 'percent' },
  { name: 'project.score', pattern: new RegExp(`(?:项目)?(?:评价|自评)?得分(?:为)?\\s*${NUM}\\s*分`), kind: 'value' },
];

function sentenceAt(text: string, index: number): string {
  const start = text.lastIndexOf('。', index) + 1;
  const end = text.indexOf('。', index);
  return text.slice(start, end < 0 ? Math.min(text.length, index + 100) : end + 1).replace(/\n/g, '');
}

function factOf(name: string, label: string | null, kind: Metric['kind'], printed: string, text: string, index: number, page: number | null): Fact {
  const amount = kind === 'amount' ? parseAmount(printed, '万元') : null;
  return {
    name,
    code: null,
    label,
    amountFen: amount?.fen ?? null,
    percent: kind === 'percent' ? printedDecimal(printed) : null,
    value: kind === 'value' ? printedDecimal(printed) : null,
    printed,
    unit: kind === 'amount' ? '万元' : kind === 'percent' ? '%' : '分',
    sentence: sentenceAt(text, index),
    page,
  };
}

/**
 * 绩效自评 reports: per project (each part that starts again with 项目概况) its name, budget,
 * adjusted budget, execution and score; and the department's overall score.
 */
export function extractPerformanceFacts(doc: ExtractedDocument): Fact[] {
  const flow = narrativeText(doc);
  const text = flow.text;
  const facts: Fact[] = [];
  const overall = new RegExp(`(?:总体|整体|综合)(?:自评)?得分(?:为)?\\s*${NUM}\\s*分`).exec(text);
  if (overall) facts.push(factOf('performance.department_score', null, 'value', overall[1]!, text, overall.index, flow.pageAt(overall.index)));
  const starts = [...text.matchAll(/[一1][、.．]\s*项目(?:基本)?概况/g)].map((m) => m.index!);
  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? text.length;
    const part = text.slice(start, end);
    const name =
      /项目名称[:：]\s*([^\n，。；]{2,40})/.exec(part)?.[1] ??
      /[“"]([^”"]{2,40})[”"]/.exec(part)?.[1] ??
      /(?:\d{4}年度?|[。\n]|\d[.．、])([^，。；\d.．、][^，。；\d.．]{1,40}?)(?:项目)?(?:共计|总计|合计)\s*\d/.exec(part)?.[1] ??
      // a fund named where it is allotted: 下达医疗服务与保障能力提升补助资金 30万
      /下达([^，。；\d]{2,30}?(?:资金|经费))\s*\d/.exec(part)?.[1] ??
      null;
    const found = new Set<string>();
    for (const metric of PROJECT_METRICS) {
      if (found.has(metric.name)) continue;
      const m = metric.pattern.exec(part);
      if (!m) continue;
      found.add(metric.name);
      const printed = m.slice(1).find((g) => g !== undefined)!;
      facts.push(factOf(metric.name, name, metric.kind, printed, text, start + m.index, flow.pageAt(start + m.index)));
    }
  });
  return facts;
}
