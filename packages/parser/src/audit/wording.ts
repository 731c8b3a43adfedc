import type { Finding } from '@juesuan/model';
import { formatFen } from '../amounts/parse-amount.ts';
import type { AuditContext, FamilyResult } from './audit-context.ts';
import { auditFinding, notApplicable, ran } from './audit-context.ts';
import type { RuleId } from './registry.ts';
import type { StatedAmount, StatedPercent } from './sentence-amounts.ts';
import { roundingFen, statedAmounts, statedPercents, yuan } from './sentence-amounts.ts';

const CHECKS = ['wording.comparison', 'wording.change_direction', 'wording.change_amount', 'wording.change_percent'] as const;

const UP = /(?:增加|增长|上升|提高)了?$/;
const DOWN = /(?:减少|下降|降低)了?$/;
const PRIOR = /上年|上一年|去年|年初预算/;

interface Clause {
  text: string;
  /** offset in the document text */
  start: number;
  page: number | null;
}

/** 大于/小于/持平 and 增加/减少/增长/下降 against the amounts of the same clause, recomputed. */
export function wordingRules(ctx: AuditContext): FamilyResult {
  const findings: Finding[] = [];
  let checkedClauses = 0;
  let previous: StatedAmount[] = [];
  for (const c of clauses(ctx)) {
    const amounts = statedAmounts(c.text);
    // "决算数小于预算数的主要原因…" often opens the sentence after the one with the two amounts
    const compared = amounts.length === 0 && /决算数?[^，。；]{0,6}(?:大于|小于|高于|低于|超过|等于|[与同和](?:年初)?预算数?(?:基本)?持平)/.test(c.text) ? previous : amounts;
    previous = amounts;
    if (compared.length === 0) continue;
    const percents = statedPercents(c.text);
    const before = findings.length;
    findings.push(...comparison(ctx, c, compared, percents), ...(compared === amounts ? change(ctx, c, amounts, percents) : []));
    if (findings.length > before || /大于|小于|等于|持平|增加|减少|增长|下降|完成/.test(c.text)) checkedClauses++;
  }
  const coverage = checkedClauses === 0 ? CHECKS.map((k) => notApplicable(k, 'no sentence compares two amounts')) : CHECKS.map((k) => ran(k));
  return { findings, coverage };
}

/** Clauses of the narrative: sentences cut at ；, so each pair of amounts is read with its own words. */
function clauses(ctx: AuditContext): Clause[] {
  const out: Clause[] = [];
  for (const s of ctx.text.sentences()) {
    if (s.toc) continue;
    let at = 0;
    for (const part of s.text.split(/(?<=[；;])/)) {
      out.push({ text: part, start: s.start + at, page: s.page });
      at += part.length;
    }
  }
  return out;
}

function emit(ctx: AuditContext, c: Clause, rule: RuleId, zh: string, en: string): Finding {
  return auditFinding(rule, `${zh}：「${c.text.slice(0, 90)}」`, en, [ctx.text.evidence(c.start, c.start + c.text.length)]);
}

const isBudget = (a: StatedAmount) => /预算(?:数)?(?:为|是|安排)?[^决]{0,4}$/.test(a.lead) && !/决算/.test(a.lead.slice(-8));
const isFinal = (a: StatedAmount) => /决算(?:数)?(?:为|是)?[^预]{0,4}$/.test(a.lead);

function comparison(ctx: AuditContext, c: Clause, amounts: StatedAmount[], percents: StatedPercent[]): Finding[] {
  const out: Finding[] = [];
  const budget = [...amounts].reverse().find(isBudget);
  const final = [...amounts].reverse().find(isFinal);
  if (!budget || !final) return out;
  const diff = final.fen - budget.fen;
  const slack = roundingFen(budget, final);
  const word = /决算数?(?:[^，。；]{0,6})?(大于|小于|高于|低于|超过|等于)(?:年初)?预算数?/.exec(c.text)?.[1] ?? /决算数?[与同和](?:年初)?预算数?(基本持平|持平|相等|一致)/.exec(c.text)?.[1];
  if (word) {
    const holds =
      word === '大于' || word === '高于' || word === '超过' ? diff > slack : word === '小于' || word === '低于' ? diff < -slack : word === '基本持平' ? Math.abs(diff) <= Math.max(slack, Math.abs(budget.fen) * 0.05) : Math.abs(diff) <= slack;
    if (!holds)
      out.push(emit(ctx, c, 'wording.comparison', `写“决算数${word}预算数”，而决算 ${yuan(final)}、预算 ${yuan(budget)}`, `the sentence says the final figure is "${word}" the budget, but final ${yuan(final)} vs budget ${yuan(budget)}`));
  }
  // 完成预算的 P%: the share the two amounts give
  const share = percents.find((p) => p.index > final.end && /(?:完成|为|占)(?:年初)?(?:调整)?预算(?:数)?的?$/.test(p.lead));
  if (share && budget.fen !== 0 && !percentAgrees(share, final, budget)) {
    out.push(emit(ctx, c, 'wording.change_percent', `完成预算 ${share.value}% 与金额不符（${yuan(final)} / ${yuan(budget)} = ${((final.fen / budget.fen) * 100).toFixed(2)}%）`, `the stated ${share.value}% of budget does not follow from ${yuan(final)} / ${yuan(budget)}`));
  }
  return out;
}

function change(ctx: AuditContext, c: Clause, amounts: StatedAmount[], percents: StatedPercent[]): Finding[] {
  const delta = amounts.find((a) => UP.test(a.lead) || DOWN.test(a.lead));
  const pct = percents.find((p) => UP.test(p.lead) || DOWN.test(p.lead));
  if (!delta && !pct) return [];
  const up = delta ? UP.test(delta.lead) : UP.test(pct!.lead);
  if (delta && pct && UP.test(pct.lead) !== up) return [emit(ctx, c, 'wording.change_direction', `同一句中金额写“${up ? '增加' : '减少'}”而百分比写“${up ? '下降' : '增长'}”`, 'the amount and the percentage of the change go opposite ways')];
  const firstChange = Math.min(delta?.index ?? Infinity, pct?.index ?? Infinity);
  const stated = amounts.filter((a) => a !== delta && a.index < firstChange);
  // the figure of this year and, when stated, the one it is compared with
  const prior = stated.length >= 2 ? stated.filter((a) => PRIOR.test(a.lead)) : [];
  // the figure that changed is the one stated last before the change
  const x = stated.filter((a) => !prior.includes(a)).pop();
  if (!x || prior.length > 1) return [];
  const z = prior[0];
  if (z) {
    const diff = x.fen - z.fen;
    const slack = roundingFen(x, z);
    if ((up && diff < -slack) || (!up && diff > slack)) return [emit(ctx, c, 'wording.change_direction', `写“${up ? '增加' : '减少'}”，而 ${yuan(x)} 与 ${yuan(z)} 相比是${diff > 0 ? '增加' : '减少'}`, `the sentence says ${up ? 'up' : 'down'}, but ${yuan(x)} against ${yuan(z)} goes the other way`)];
    if (delta && Math.abs(Math.abs(diff) - delta.fen) > slack + roundingFen(delta)) return [emit(ctx, c, 'wording.change_amount', `所述变动 ${yuan(delta)} 与 ${yuan(x)} − ${yuan(z)} 不符`, `the stated change ${yuan(delta)} is not ${yuan(x)} − ${yuan(z)}`)];
    if (pct && z.fen !== 0 && !percentAgrees(pct, { ...x, fen: Math.abs(diff) }, z)) return [emit(ctx, c, 'wording.change_percent', `所述变动 ${pct.value}% 与 ${yuan(x)}、${yuan(z)} 算出的 ${((Math.abs(diff) / z.fen) * 100).toFixed(2)}% 不符`, `the stated ${pct.value}% does not follow from ${yuan(x)} and ${yuan(z)}`)];
    return [];
  }
  if (!delta || !pct) return [];
  // no earlier figure printed: it is this year's less (or plus) the change
  const base = { ...x, fen: up ? x.fen - delta.fen : x.fen + delta.fen };
  if (base.fen <= 0 || percentAgrees(pct, delta, base)) return [];
  const other = { ...x, fen: up ? x.fen + delta.fen : x.fen - delta.fen };
  if (other.fen > 0 && percentAgrees(pct, delta, other)) return [emit(ctx, c, 'wording.change_direction', `写“${up ? '增加' : '减少'}”，而 ${yuan(delta)} 与 ${pct.value}% 只在“${up ? '减少' : '增加'}”时相符`, `the change is stated ${up ? 'up' : 'down'}; the amounts fit only the other way`)];
  return [emit(ctx, c, 'wording.change_percent', `所述 ${pct.value}% 与 ${yuan(delta)} / ${formatFen(base.fen, x.unit)}${x.unit} 不符`, `the stated ${pct.value}% does not follow from the change ${yuan(delta)} on ${yuan(x)}`)];
}

/** Whether a printed percentage is num/den within the rounding of all three printed figures. */
function percentAgrees(p: StatedPercent, num: StatedAmount, den: StatedAmount): boolean {
  const rn = roundingFen(num);
  const rd = roundingFen(den);
  const lo = (Math.max(0, num.fen - rn) / (den.fen + rd)) * 100;
  const hi = den.fen - rd <= 0 ? Infinity : ((num.fen + rn) / (den.fen - rd)) * 100;
  // one unit of the last printed decimal: reports round, and some cut off
  const half = 10 ** -p.decimals + 1e-9;
  return p.value >= lo - half && p.value <= hi + half;
}
