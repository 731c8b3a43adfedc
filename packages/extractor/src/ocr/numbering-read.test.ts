import { describe, expect, it } from 'vitest';
import { restoreNumbering } from './numbering-read.ts';

describe('a misread numeral in an item numbering', () => {
  it('is 十 again before a numeral and 、, or alone before 、 or a closing bracket', () => {
    expect(restoreNumbering('升九、住房保障支出')).toBe('十九、住房保障支出');
    expect(restoreNumbering('+、农林水支出')).toBe('十、农林水支出');
    expect(restoreNumbering('二干一、其他支出')).toBe('二十一、其他支出');
    expect(restoreNumbering('（千二）差旅费')).toBe('（十二）差旅费');
    expect(restoreNumbering('卞八、住房保障支出')).toBe('十八、住房保障支出');
    expect(restoreNumbering('-、财政拨款')).toBe('一、财政拨款');
    expect(restoreNumbering('匕、住房保障支出')).toBe('七、住房保障支出');
    expect(restoreNumbering('人、社会保障和就业支出')).toBe('八、社会保障和就业支出');
    expect(restoreNumbering('十匕、其他支出')).toBe('十七、其他支出');
    expect(restoreNumbering('（人）差旅费')).toBe('（八）差旅费');
    expect(restoreNumbering('=、项目支出')).toBe('二、项目支出');
    expect(restoreNumbering('十=、其他支出')).toBe('十二、其他支出');
  });

  it('is a sub-item’s point again where OCR read it as a quote mark before the words', () => {
    expect(restoreNumbering('1“般公共顶算')).toBe('1.般公共顶算');
    expect(restoreNumbering("2'政府性基金预算")).toBe('2.政府性基金预算');
    // an amount's comma read as a quote is no numbering
    expect(restoreNumbering("1'234.00")).toBe("1'234.00");
  });

  it('leaves words that only start with such a stroke, and numberings read right, as they are', () => {
    expect(restoreNumbering('士兵安置')).toBe('士兵安置');
    expect(restoreNumbering('人员经费')).toBe('人员经费');
    expect(restoreNumbering('入库')).toBe('入库');
    expect(restoreNumbering('千人计划')).toBe('千人计划');
    expect(restoreNumbering('十九、住房保障支出')).toBe('十九、住房保障支出');
    expect(restoreNumbering('+1,000.00')).toBe('+1,000.00');
    expect(restoreNumbering('-1,000.00')).toBe('-1,000.00');
    expect(restoreNumbering('=1,000.00')).toBe('=1,000.00');
  });
});
