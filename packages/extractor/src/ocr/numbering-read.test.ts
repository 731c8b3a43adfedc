import { describe, expect, it } from 'vitest';
import { restoreTen } from './numbering-read.ts';

describe('a misread 十 in an item numbering', () => {
  it('is 十 again before a numeral and 、, or alone before 、 or a closing bracket', () => {
    expect(restoreTen('升九、住房保障支出')).toBe('十九、住房保障支出');
    expect(restoreTen('+、农林水支出')).toBe('十、农林水支出');
    expect(restoreTen('二干一、其他支出')).toBe('二十一、其他支出');
    expect(restoreTen('（千二）差旅费')).toBe('（十二）差旅费');
  });

  it('leaves words that only start with such a stroke, and numberings read right, as they are', () => {
    expect(restoreTen('士兵安置')).toBe('士兵安置');
    expect(restoreTen('千人计划')).toBe('千人计划');
    expect(restoreTen('十九、住房保障支出')).toBe('十九、住房保障支出');
    expect(restoreTen('+1,000.00')).toBe('+1,000.00');
  });
});
