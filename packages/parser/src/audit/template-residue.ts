import type { Evidence, Finding } from '@juesuan/model';
import type { AuditContext, FamilyResult } from './audit-context.ts';
import { auditFinding, ran } from './audit-context.ts';
import type { RuleId } from './registry.ts';

const PATTERNS: Array<{ rule: RuleId; re: RegExp; zh: string; en: string }> = [
  {
    rule: 'template.placeholder',
    // XX局, 上海市××区, xxx单位, {部门}, 【单位名称】: a name the template left to fill
    re: /(?:[\u4e00-\u9fa5](?:[XＸxｘ×]{2,}|某某)|(?:[XＸxｘ×]{2,}|某某)[\u4e00-\u9fa5])|[{｛][^{}｛｝]{1,12}[}｝]|【[^】]{0,10}(?:名称|部门|单位|金额|年度|填写)[^】]{0,4}】/g,
    zh: '模板占位符未替换',
    en: 'a template placeholder was not replaced',
  },
  { rule: 'template.fill_in', re: /待填写|请填写|此处填写|待补充|请补充|请在此/g, zh: '模板中的填写提示未删除', en: 'a fill-in instruction of the template was left in' },
  { rule: 'template.doubled_word', re: /(的|了|和|及|与|在|是|对|将|按|万元|亿元|年度|支出|收入|预算|决算|情况|说明|单位|部门)\1(?![\u4e00-\u9fa5]?[）)])/g, zh: '词语重复', en: 'a word is written twice' },
];

/** Text a template leaves behind: placeholders, fill-in instructions, doubled words. */
export function templateRules(ctx: AuditContext): FamilyResult {
  // one finding per rule and page, with a box on every occurrence
  const byPage = new Map<string, { rule: RuleId; zh: string; en: string; matches: string[]; evidence: Evidence[] }>();
  const add = (rule: RuleId, match: string, zh: string, en: string, evidence: Evidence) => {
    const key = `${rule}|${evidence.page}`;
    const entry = byPage.get(key) ?? { rule, zh, en, matches: [], evidence: [] };
    byPage.set(key, entry);
    if (!entry.matches.includes(match)) entry.matches.push(match);
    if (entry.evidence.length < 12) entry.evidence.push(evidence);
  };
  for (const p of PATTERNS) {
    // a doubled word in a table cell is a label's own wording (支出支出 never, but 单位单位 in headers); free text only
    for (const m of ctx.text.text.matchAll(p.re)) {
      if (p.rule === 'template.doubled_word' && reduplicated(ctx.text.text, m.index!, m[0].length)) continue;
      add(p.rule, m[0], p.zh, p.en, ctx.text.evidence(m.index!, m.index! + m[0].length, context(ctx.text.text, m.index!, m[0].length)));
    }
    if (p.rule === 'template.doubled_word') continue;
    for (const t of ctx.doc.tables) {
      for (const c of t.cells) {
        const text = c.text.replace(/\s+/g, '');
        for (const m of text.matchAll(p.re)) add(p.rule, m[0], p.zh, p.en, { page: c.page, bbox: c.bbox, quote: text });
      }
    }
  }
  const findings: Finding[] = [...byPage.values()].map((e) => {
    const listed = e.matches.slice(0, 6).map((m) => `「${m}」`).join('');
    return auditFinding(e.rule, `${e.zh}：${listed}`, `${e.en}: ${e.matches.slice(0, 6).join(', ')}`, e.evidence);
  });
  return { findings, coverage: PATTERNS.map((p) => ran(p.rule)) };
}

/** 实实在在, 认认真真: a doubled character inside an AABB word is the language, not a slip. */
function reduplicated(text: string, at: number, length: number): boolean {
  return (at >= 2 && text[at - 1] === text[at - 2]) || (text[at + length] !== undefined && text[at + length] === text[at + length + 1]);
}

/** The match with a few characters around it, as a reviewer would quote it. */
function context(text: string, at: number, length: number): string {
  const start = Math.max(0, at - 8, text.lastIndexOf('\n', at) + 1);
  const endBreak = text.indexOf('\n', at + length);
  const end = Math.min(text.length, at + length + 8, endBreak < 0 ? text.length : endBreak);
  return text.slice(start, end);
}
