import type { ExtractedDocument, Fact } from '@juesuan/model';
import { QUOTE_MARKS, classBody, pageReadByOcr } from '@juesuan/model';
import { parseAmount } from '../amounts/parse-amount.ts';

interface FlowText {
  text: string;
  pageAt: (offset: number) => number | null;
}

/** The 情况说明 part, when the report has one: the figures it restates are the ones to check. */
function explanationText(doc: ExtractedDocument): FlowText | null {
  const inPart = doc.sections.filter((s) => /情况说明/.test(s.path[0] ?? '') && s.level >= 1);
  if (inPart.length === 0) return null;
  let text = '';
  const marks: Array<{ offset: number; page: number | null }> = [];
  for (const s of inPart) {
    marks.push({ offset: text.length, page: s.page });
    // a line that opens with (项)/(款) continues the item the line before it began (a conversion split it)
    // a (类)(款) item taken for a heading because its 项 wrapped onto the next line goes on in the text
    const joiner = /[（(]类[)）]/.test(s.title) && !/[（(]项[)）]/.test(s.title) ? '' : '\n';
    text += `${s.numbering}${s.title}${joiner}${s.text.replace(/\n+(?![一二三四五六七八九十\d]|[（(](?![类款项][)）]))/g, '').replace(/\s+(?=[\u4e00-\u9fa5\d（(])/g, '')}\n`;
  }
  return { text, pageAt: (offset) => marks.filter((m) => m.offset <= offset).pop()?.page ?? null };
}

/** The narrative as one string (wrapped lines joined), with a way back to pages. */
export function narrativeText(doc: ExtractedDocument, scope: 'all' | 'explanation' = 'all'): FlowText {
  if (scope === 'explanation') {
    const part = explanationText(doc);
    if (part) return part;
  }
  let text = '';
  const marks: Array<{ offset: number; page: number | null }> = [];
  for (const page of doc.pages) {
    if (page.isTableOfContents) continue;
    marks.push({ offset: text.length, page: page.number });
    for (const line of page.lines) if (!line.inTable) text += line.text.replace(/\s+/g, '') + (/[。：；]$/.test(line.text) ? '\n' : '');
  }
  return {
    text,
    pageAt: (offset) => {
      let p: number | null = null;
      for (const m of marks) if (m.offset <= offset) p = m.page;
      return p;
    },
  };
}

function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('。', index), text.lastIndexOf('\n', index)) + 1;
  const endDot = text.indexOf('。', index);
  const end = endDot < 0 ? Math.min(text.length, index + 120) : endDot + 1;
  return text.slice(start, end).replace(/\n/g, '');
}

/** A figure as the narrative prints it: digits, grouped or not, and decimals. */
export const NUM = '(\\d[\\d,]*(?:\\.\\d+)?)';

/**
 * A percentage or a score as printed: digits and one decimal point. Anything else (OCR's comma for
 * the point, 96,92) is no figure one can be sure of: null, never NaN nor 9692.
 */
export const printedDecimal = (printed: string): number | null => (/^\d+(?:\.\d+)?$/.test(printed) ? Number(printed) : null);

const UNIT = '(万元|亿元|元)';

/** A closing quotation mark, whichever OCR read it as, or none. */
const QUOTE = `[${classBody(QUOTE_MARKS)}]?`;

const SIMPLE_FACTS: Array<{ name: string; pattern: RegExp }> = [
  { name: 'total_income_expenditure', pattern: new RegExp(`(?:收入支出总计|收、支总计|收支总计|收入、支出总计)(?:均为|为|各)?${NUM}${UNIT}`, 'g') },
  { name: 'income_total', pattern: new RegExp(`本年收入合计(?:为)?${NUM}${UNIT}`, 'g') },
  { name: 'expenditure_total', pattern: new RegExp(`本年支出合计(?:为)?${NUM}${UNIT}`, 'g') },
  { name: 'fiscal_income', pattern: new RegExp(`财政拨款收入(?:为)?${NUM}${UNIT}`, 'g') },
  { name: 'basic_expenditure', pattern: new RegExp(`(?<!一般公共预算财政拨款)基本支出(?:为)?${NUM}${UNIT}`, 'g') },
  { name: 'project_expenditure', pattern: new RegExp(`项目支出(?:为)?${NUM}${UNIT}`, 'g') },
  { name: 'agency_operation', pattern: new RegExp(`机关运行经费(?:支出|预算)?(?:为)?${NUM}${UNIT}`, 'g') },
  { name: 'three_public_budget', pattern: new RegExp(`三公${QUOTE}经费(?:财政拨款)?(?:支出)?(?:年初)?预算(?:数)?为${NUM}${UNIT}`, 'g') },
  { name: 'three_public_final', pattern: new RegExp(`三公${QUOTE}经费(?:财政拨款)?(?:支出)?(?:预算为[\\d.]+万元，?)?(?:支出)?决算(?:数)?为${NUM}${UNIT}`, 'g') },
  { name: 'three_public_overseas_final', pattern: new RegExp(`因公出国[（(]境[)）]费(?:用)?(?:支出)?决算(?:数)?为?${NUM}${UNIT}`, 'g') },
  { name: 'three_public_vehicle_final', pattern: new RegExp(`公务用车购置及运行(?:维护)?费(?:支出)?决算(?:数)?为?${NUM}${UNIT}`, 'g') },
  { name: 'three_public_reception_final', pattern: new RegExp(`公务接待费(?:支出)?决算(?:数)?为?${NUM}${UNIT}`, 'g') },
  { name: 'total_change', pattern: new RegExp(`(?:收入支出总计|收支总计)(?:增加|减少)${NUM}${UNIT}`, 'g') },
  { name: 'vehicles_owned', pattern: /(?:共有|占有使用)?(?:车辆|公务用车)(?:共)?(\d+)(辆)/g },
  { name: 'procurement_total', pattern: new RegExp(`政府采购(?:金额|预算)?(?:（以合同签订为准）)?为${NUM}${UNIT}`, 'g') },
];

/** `卫生健康支出(类)医疗保障管理事务(款)行政运行(项)：支出决算为2359.33万元，完成预算96.92%` */
function itemPattern(stage: 'final' | 'budget'): RegExp {
  const verb = stage === 'final' ? '(?:支出决算数?|决算数?)' : '(?:支出预算数?|预算数?)';
  return new RegExp(
    `([\\u4e00-\\u9fa5、]{2,30}?)[（(]类[)）]\\n?([\\u4e00-\\u9fa5、]{2,30}?)[（(]款[)）]\\n?([\\u4e00-\\u9fa5、]{2,30}?)[（(]项[)）]([^类]{0,80}?)${verb}(?:为|是)?${NUM}${UNIT}(?:[^。]{0,40}?(?:完成(?:年初)?预算(?:的)?|为(?:年初)?预算的)${NUM}%)?`,
    'g',
  );
}

/** One point and three decimals: on a page OCR read, maybe a thousands group whose comma read as a point (5,573万元 as 5.573). */
const GROUP_AS_DECIMALS = /^\d{1,3}\.\d{3}$/;

/**
 * A figure's amount as printed; none where OCR may have read its comma as a point: no figure one
 * can be sure of (a 200-dpi drawing of a clean scan read 5,573万元 as 5.573), as printedDecimal's.
 */
function narrativeAmount(doc: ExtractedDocument, printed: string, unit: string, page: number | null) {
  return pageReadByOcr(doc, page) && GROUP_AS_DECIMALS.test(printed) ? null : parseAmount(printed, unit);
}

export interface NarrativeItem extends Fact {
  className: string;
  sectionName: string;
  itemName: string;
}

export function extractNarrativeFacts(doc: ExtractedDocument, stage: 'final' | 'budget'): { facts: Fact[]; items: NarrativeItem[] } {
  const flow = narrativeText(doc, 'explanation');
  const facts: Fact[] = [];
  for (const f of SIMPLE_FACTS) {
    for (const m of flow.text.matchAll(f.pattern)) {
      // last year's figures are restated too: not this year's tables
      const before = flow.text.slice(Math.max(0, m.index! - 24), m.index!);
      if (/上年|上一年|去年|同比|比\d{4}年/.test(before)) continue;
      // in final accounts, a clause about the budget restates planned figures, not the tables
      const clause = flow.text.slice(Math.max(flow.text.lastIndexOf('。', m.index!), flow.text.lastIndexOf('；', m.index!), 0), m.index!);
      if (stage === 'final' && /预算/.test(clause) && !/决算/.test(clause) && f.name !== 'three_public_budget') continue;
      const counted = m[2] === '辆';
      const page = flow.pageAt(m.index!);
      const amount = counted ? null : narrativeAmount(doc, m[1]!, m[2]!, page);
      facts.push({ name: f.name, code: null, label: null, amountFen: amount?.fen ?? null, percent: null, value: counted ? Number(m[1]) : null, printed: m[1]!, unit: m[2]!, sentence: sentenceAround(flow.text, m.index!), page });
    }
  }
  const items: NarrativeItem[] = [];
  for (const m of flow.text.matchAll(itemPattern(stage))) {
    const page = flow.pageAt(m.index!);
    const amount = narrativeAmount(doc, m[5]!, m[6]!, page);
    items.push({
      name: 'item_amount',
      code: null,
      label: `${m[1]!.replace(/^[\d、.．\s]+/, '')}(类)${m[2]}(款)${m[3]}(项)`,
      amountFen: amount?.fen ?? null,
      percent: m[7] ? printedDecimal(m[7]) : null,
      value: null,
      printed: m[5]!,
      unit: m[6]!,
      sentence: sentenceAround(flow.text, m.index!),
      page,
      className: m[1]!.replace(/^[\d、.．\s]+/, ''),
      sectionName: m[2]!,
      itemName: m[3]!,
    });
  }
  return { facts, items };
}
