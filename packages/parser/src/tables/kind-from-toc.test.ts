import { describe, expect, it } from 'vitest';
import { classifyTable } from './classify-table.ts';
import { withTocReading } from './kind-from-toc.ts';

const classify = (title: string) => classifyTable({ title, headerText: '功能科目代码|功能科目名称|金额', docKind: 'budget', panels: 1, rowCodes: ['204', '20405', '2040501'], ocr: true });
const toc = [
  { number: '五、', title: '五、2018年度江苏省高级人民法院财政拨款支出预算表' },
  { number: '十、', title: '十、2018年度江苏省高级人民法院政府性基金预算财政拨款支出预算表' },
];

describe('withTocReading', () => {
  it('takes the more specific kind the 目录 entry of the same number names, unsure, where OCR garbled the title\'s qualifier', () => {
    const title = '十、2018年度江苏省高级人民法院政府态垌令硕算财政拨款支出预算表'; // 政府性基金预 misread
    const read = classify(title);
    expect(read.kind).toBe('budget.fiscal_expenditure');
    const cls = withTocReading(read, title, toc, classify);
    expect(cls).toMatchObject({ kind: 'budget.gov_fund', confidence: 0.7 });
    expect(cls.candidates.map((c) => c.kind)).toEqual(['budget.gov_fund', 'budget.fiscal_expenditure']);
  });

  it('keeps the table\'s own kind where the entry names a plainer one, another number, or reads too differently', () => {
    const title = '十、2018年度江苏省高级人民法院政府性基金预算财政拨款支出预算表';
    const garbledEntry = [{ number: '十、', title: '十、2018年度江苏省高级人民法院政府态垌令硕算财政拨款支出预算表' }];
    expect(withTocReading(classify(title), title, garbledEntry, classify)).toEqual(classify(title));
    const plain = '五、2018年度江苏省高级人民法院财政拨款支出预算表';
    expect(withTocReading(classify(plain), plain, toc, classify).kind).toBe('budget.fiscal_expenditure');
    const unnumbered = '2018年度江苏省高级人民法院政府态垌令硕算财政拨款支出预算表';
    expect(withTocReading(classify(unnumbered), unnumbered, toc, classify).kind).toBe('budget.fiscal_expenditure');
    const another = '十、2018年度江苏省财政厅财政拨款支出预算表'; // same number, another title
    expect(withTocReading(classify(another), another, toc, classify).kind).toBe('budget.fiscal_expenditure');
  });
});
