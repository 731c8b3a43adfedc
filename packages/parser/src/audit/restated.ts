import type { AmountRecord, Finding } from '@juesuan/model';
import { normalizeName } from '../catalog/catalog.ts';
import type { AuditContext, Coverage, FamilyResult } from './audit-context.ts';
import { auditFinding, insufficient, notApplicable, ran } from './audit-context.ts';
import { roundingFen, statedAmounts, yuan } from './sentence-amounts.ts';
import type { StatedAmount } from './sentence-amounts.ts';
import { stageOf } from './standard-tables.ts';

// a heading may end after the (款) and the 项 open the next line
const ITEM = /([\u4e00-\u9fa5、]{2,30}?)[（(]类[)）]\n?([\u4e00-\u9fa5、]{2,30}?)[（(]款[)）]\n?([\u4e00-\u9fa5、]{2,30}?)[（(]项[)）]/g;

/** The code of a (类)(款)(项) item among the document's own coded rows, when its names single one out. */
function itemCode(records: AmountRecord[], className: string, sectionName: string, itemName: string): string | null {
  const named = (name: string, len: number) => new Set(records.filter((r) => r.code?.length === len && r.label && normalizeName(r.label) === normalizeName(name)).map((r) => r.code!));
  const items = [...named(itemName, 7)];
  const sections = named(sectionName, 5);
  const classes = named(className, 3);
  const fit = items.filter((c) => (sections.size === 0 || sections.has(c.slice(0, 5))) && (classes.size === 0 || classes.has(c.slice(0, 3))));
  return fit.length === 1 ? fit[0]! : null;
}

type Role = 'current' | 'budget_initial' | 'skip';

/** What an amount of an item's text is: this year's figure, the 年初预算 of a 决算, or something the tables do not hold. */
function roleOf(a: StatedAmount, stage: 'final' | 'budget', year: number | null): Role {
  const lead = a.lead.slice(-16);
  if (/上年|上一年|去年|同比|增加|减少|增长|下降|比|较|其中/.test(lead)) return 'skip';
  const years = [...lead.matchAll(/(20\d{2})年/g)].map((m) => Number(m[1]));
  if (year !== null && years.some((y) => y !== year)) return 'skip';
  if (stage === 'final') return /决算/.test(lead) || !/预算/.test(lead) ? 'current' : 'budget_initial';
  return 'current';
}

/** Every amount the text of a (类)(款)(项) item states, against the row of the code it names. */
function itemAmounts(ctx: AuditContext): { findings: Finding[]; coverage: Coverage } {
  const check = 'restated.item_amounts';
  const stage = stageOf(ctx.meta.kind);
  const own = ctx.records.filter((r) => r.table.startsWith(`${stage}.`));
  const text = ctx.text.text;
  const matches = [...text.matchAll(ITEM)];
  if (matches.length === 0) return { findings: [], coverage: notApplicable(check, 'the narrative names no (类)(款)(项) item') };
  if (own.length === 0) return { findings: [], coverage: insufficient(check, 'no table with amounts: items not compared') };
  const findings: Finding[] = [];
  let compared = 0;
  matches.forEach((m, k) => {
    const code = itemCode(own, m[1]!.replace(/^[\d、.．“"]+/, ''), m[2]!, m[3]!);
    if (!code) return;
    const start = m.index! + m[0].length;
    // the item's text runs to the next item or the next heading line, at most a paragraph
    const next = matches[k + 1]?.index ?? text.length;
    const stop = Math.min(next, start + 300, ...[/\n\d{1,2}[、.．]|\n[（(][一二三四五六七八九十\d]+[)）]|\n[一二三四五六七八九十]+、/.exec(text.slice(start))].filter((x) => x !== null).map((x) => start + x.index));
    const rows = own.filter((r) => r.code === code);
    for (const a of statedAmounts(text.slice(start, stop))) {
      const role = roleOf(a, stage, ctx.meta.fiscalYear);
      if (role === 'skip') continue;
      const among = role === 'current' ? rows : rows.filter((r) => /budget/.test(r.measure));
      if (among.length === 0) continue;
      compared++;
      // to the last decimal the sentence prints, as the narrative check does
      const tol = Math.max(2 * roundingFen(a), 1);
      if (among.some((r) => Math.abs(r.amountFen - a.fen) <= tol)) continue;
      const printed = [...new Set(among.map((r) => r.printed))].join(' / ');
      findings.push(
        auditFinding(
          'restated.item_amounts',
          `情况说明中${m[3]}(项)的${role === 'current' ? '' : '年初预算'} ${yuan(a)} 与表中 ${code} 的 ${printed} 不符`,
          `the narrative states ${yuan(a)} for ${code} (${role === 'current' ? 'this year' : 'initial budget'}); the table prints ${printed}`,
          [ctx.text.evidence(start + a.index, start + a.end, text.slice(start + a.index - Math.min(a.lead.length, 20), start + a.end).replace(/\n/g, '')), ...rows.slice(0, 1).map((r) => ({ page: r.page, bbox: r.bbox, quote: r.printed }))],
        ),
      );
    }
  });
  return { findings, coverage: compared > 0 ? ran(check) : insufficient(check, 'no (类)(款)(项) item of the narrative names a code of the tables') };
}

const TOTAL = /(收入支出总计|收、支总计|收支总计|收入总计|支出总计|本年收入合计|本年支出合计|收入合计|支出合计)(?:均为|为|是|共|共计)?(0(?:\.0+)?)?(万元|元)/g;

/** A total the narrative states with no figure ("收入总计万元") or as 0 while the summary table prints it. */
function totalsMissing(ctx: AuditContext): { findings: Finding[]; coverage: Coverage } {
  const check = 'restated.total_missing';
  const stage = stageOf(ctx.meta.kind);
  const findings: Finding[] = [];
  const summary = ctx.records.filter((r) => r.table === `${stage}.summary` && r.code === null);
  const printed = (word: string) => {
    const side = /收入/.test(word) && !/支出/.test(word) ? 'income' : /支出/.test(word) && !/收入/.test(word) ? 'expenditure' : null;
    const key = /总计/.test(word) ? /总计$/ : /合计$/;
    return summary.find((r) => (side === null || r.side === side) && key.test(r.labelKey ?? '') && r.amountFen !== 0);
  };
  let seen = 0;
  for (const m of ctx.text.text.matchAll(TOTAL)) {
    seen++;
    const table = printed(m[1]!);
    if (m[2] !== undefined && !table) continue;
    const ev = ctx.text.evidence(m.index!, m.index! + m[0].length);
    const zh = m[2] === undefined ? `情况说明写「${m[0]}」，没有数字` : `情况说明写「${m[0]}」，表中为 ${table!.printed}`;
    findings.push(auditFinding('restated.total_missing', zh, m[2] === undefined ? `the narrative states "${m[1]}" with no figure` : `the narrative states ${m[1]} as 0; the summary table prints ${table!.printed}`, [ev, ...(table ? [{ page: table.page, bbox: table.bbox, quote: table.printed }] : [])]));
  }
  return { findings, coverage: seen > 0 || findings.length > 0 ? ran(check) : notApplicable(check, 'the narrative states no total in words the check reads') };
}

/** Figures the narrative restates: every amount of an item's text, and totals stated empty or 0. */
export function restatedRules(ctx: AuditContext): FamilyResult {
  const a = itemAmounts(ctx);
  const b = totalsMissing(ctx);
  return { findings: [...a.findings, ...b.findings], coverage: [a.coverage, b.coverage] };
}
