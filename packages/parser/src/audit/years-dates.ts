import type { Finding } from '@juesuan/model';
import type { AuditContext, FamilyResult } from './audit-context.ts';
import { auditFinding, notApplicable, ran, stageWord, tableEvidence } from './audit-context.ts';
import { isHeadingLine } from './text-index.ts';

const CHECKS = ['years.heading_year', 'years.sentence_year', 'years.cutoff_date'] as const;

/** Headings, titles and sentences that name another year where the report's belongs; 截至 dates. */
export function yearRules(ctx: AuditContext): FamilyResult {
  const year = ctx.meta.fiscalYear;
  if (year === null || (ctx.meta.kind !== 'final' && ctx.meta.kind !== 'budget')) {
    return { findings: [], coverage: CHECKS.map((c) => notApplicable(c, year === null ? 'the report year is not known' : `not a 决算 or 预算 (${ctx.meta.kind})`)) };
  }
  return { findings: [...headingYears(ctx, year), ...sentenceYears(ctx, year), ...cutoffDates(ctx, year)], coverage: CHECKS.map((c) => ran(c)) };
}

/** "2022年度部门决算" in a heading of a 2023 决算: the heading was carried over from last year. */
function headingYears(ctx: AuditContext, year: number): Finding[] {
  const stage = stageWord(ctx);
  const re = new RegExp(`(20\\d{2})\\s*年度?(?:[\\u4e00-\\u9fa5“”]{0,16}?)(?:部门|单位)?${stage}`, 'g');
  const findings: Finding[] = [];
  const wrong = (text: string) => [...text.matchAll(re)].find((m) => Number(m[1]) !== year && !/上年|比|较|与/.test(m[0]));
  for (const line of ctx.text.lines()) {
    if (!isHeadingLine(line.text) && !line.toc) continue;
    const m = wrong(line.text);
    if (!m) continue;
    findings.push(auditFinding('years.heading_year', `标题「${line.text}」写的是 ${m[1]} 年，报告年度为 ${year} 年`, `the heading "${line.text}" names ${m[1]}; the report is for ${year}`, [ctx.text.evidence(line.start + m.index!, line.start + m.index! + m[0].length, line.text)]));
  }
  for (const t of ctx.doc.tables) {
    const m = wrong((t.meta.title ?? '').replace(/\s+/g, ''));
    if (m) findings.push(auditFinding('years.heading_year', `表「${t.meta.title}」写的是 ${m[1]} 年，报告年度为 ${year} 年`, `the table title "${t.meta.title}" names ${m[1]}; the report is for ${year}`, [tableEvidence(ctx, t.index)]));
  }
  return findings;
}

/** "2022年度收入支出决算总计…" in the narrative of a 2023 决算, where no comparison with that year is made. */
function sentenceYears(ctx: AuditContext, year: number): Finding[] {
  const stage = stageWord(ctx);
  const re = new RegExp(`(20\\d{2})年度?(?:部门|单位)?(?:(?:财政拨款)?收入、?支出(?:${stage})?总计|收支总计|本年收入合计|本年支出合计|收入总计|支出总计|${stage}收入|${stage}支出|收入${stage}|支出${stage})`, 'g');
  const findings: Finding[] = [];
  for (const s of ctx.text.sentences()) {
    if (s.toc || isHeadingLine(s.text)) continue;
    for (const m of s.text.matchAll(re)) {
      if (Number(m[1]) === year) continue;
      // a comparison names the other year on purpose
      // a comparison names the other year on purpose: "与2022年度收入总计相比", "比2022年度收入总计增加"
      const before = s.text.slice(Math.max(0, m.index! - 6), m.index!);
      const after = s.text.slice(m.index! + m[0].length).split(/[，,。；;\d]/)[0] ?? '';
      if (/比|较|与|同|对比|上年|上一年/.test(before) || /比|较|相比|增加|减少|增长|下降|持平/.test(after)) continue;
      findings.push(auditFinding('years.sentence_year', `「${m[0]}」写的是 ${m[1]} 年，报告年度为 ${year} 年`, `"${m[0]}" names ${m[1]}; the report is for ${year}`, [ctx.text.evidence(s.start + m.index!, s.start + m.index! + m[0].length, s.text.slice(0, 80))]));
    }
  }
  return findings;
}

/** 截至…年12月31日: the end of the report year in a 决算, of the year before in a 预算. */
function cutoffDates(ctx: AuditContext, year: number): Finding[] {
  const expected = ctx.meta.kind === 'budget' ? year - 1 : year;
  const findings: Finding[] = [];
  for (const m of ctx.text.text.matchAll(/截[至止](20\d{2})年12月31日/g)) {
    if (Number(m[1]) === expected) continue;
    findings.push(auditFinding('years.cutoff_date', `「${m[0]}」应为 ${expected} 年12月31日（报告年度 ${year}）`, `"${m[0]}" should be 31 December ${expected} (report year ${year})`, [ctx.text.evidence(m.index!, m.index! + m[0].length)]));
  }
  return findings;
}
