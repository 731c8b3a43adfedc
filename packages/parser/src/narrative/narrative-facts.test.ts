import { type ExtractedDocument, Fact } from '@juesuan/model';
import { describe, expect, it } from 'vitest';
import { extractNarrativeFacts } from './narrative-facts.ts';
import { extractPerformanceFacts } from './performance-facts.ts';

/** One page of narrative lines, as OCR gives them (or a text layer). */
function narrative(lines: string[], source: 'ocr' | 'text' = 'ocr'): ExtractedDocument {
  return {
    file: 'x.pdf',
    sha256: '0'.repeat(64),
    format: 'pdf',
    extractorVersion: 't',
    pageCount: 1,
    pages: [{ number: 1, width: 600, height: 800, source, isTableOfContents: false, lines: lines.map((text, i) => ({ text, bbox: { x0: 50, y0: 50 + i * 20, x1: 550, y1: 64 + i * 20 }, fontSize: 10.5, inTable: false })) }],
    sections: [],
    tables: [],
  };
}

describe('figures the narrative restates, read by OCR', () => {
  it('keeps a percentage printed with its point; one read with a comma for it is none (null), never NaN', () => {
    const item = (pct: string) => extractNarrativeFacts(narrative([`1.一般公共服务支出（类）商贸事务（款）行政运行（项）：支出决算为938.99万元，完成预算${pct}%。`]), 'final').items;
    expect(item('96.92').map((f) => f.percent)).toEqual([96.92]);
    const misread = item('96,92');
    expect(misread.map((f) => [f.amountFen, f.percent])).toEqual([[938_990_000, null]]);
    for (const f of misread) expect(Fact.safeParse(f).success).toBe(true);
  });

  it('takes no amount from a figure OCR may have read a comma of as a point (5,573万元 as 5.573); a text layer’s is as printed', () => {
    const facts = (source: 'ocr' | 'text') => extractNarrativeFacts(narrative(['本年支出预算合计21,955.35万元，其中：基本支出13,994.31万元；项目支出5.573万元。'], source), 'budget').facts.map((f) => [f.name, f.amountFen]);
    expect(facts('ocr')).toEqual([
      ['basic_expenditure', 13_994_310_000],
      ['project_expenditure', null],
    ]);
    expect(facts('text')).toEqual([
      ['basic_expenditure', 13_994_310_000],
      ['project_expenditure', 5_573_000],
    ]);
  });

  it('reads the 三公 figures whichever quotation mark OCR read after 三公 (“三公" as “三公”)', () => {
    const three = (q: string) => extractNarrativeFacts(narrative([`“三公${q}经费财政拨款支出年初预算为0.95万元，完成预算的84%。`, `“三公${q}经费财政拨款支出决算为0.80万元。`]), 'final').facts.map((f) => [f.name, f.amountFen]);
    for (const q of ['”', '"', '＂', '']) expect(three(q)).toEqual([['three_public_budget', 950_000], ['three_public_final', 800_000]]);
  });

  it('reads a project’s execution rate and score alike: a comma read for the point makes no 9692% nor 955 points', () => {
    const facts = (line: string) => extractPerformanceFacts(narrative([line])).map((f) => [f.name, f.percent ?? f.value]);
    expect(facts('一、项目概况。项目执行率为96.92%，项目自评得分95.5分。')).toEqual([['project.execution_rate', 96.92], ['project.score', 95.5]]);
    expect(facts('一、项目概况。项目执行率为96,92%，项目自评得分95,5分。')).toEqual([['project.execution_rate', null], ['project.score', null]]);
  });
});
