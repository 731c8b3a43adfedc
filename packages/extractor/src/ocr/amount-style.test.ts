import { describe, expect, it } from 'vitest';
import { endsShort, groupsThousands, lacksMark, misfitsGrouping, printsTwoDecimals, withTwoDecimals, withoutOneDigit } from './amount-style.ts';

describe('groupsThousands', () => {
  it('is true for a page that groups its long amounts, codes and short amounts no evidence either way', () => {
    expect(groupsThousands(['13,297.11', '2,247.04', '1,754.17', '6,442.75', '492.87', '2080505', '1765.50'])).toBe(true);
    expect(groupsThousands(['13297.11', '2247.04', '1754.17', '1,765.50'])).toBe(false);
    expect(groupsThousands(['2,247.04', '492.87', '166.13'])).toBe(false); // too little to tell
  });
});

describe('misfitsGrouping', () => {
  it('doubts a long amount without grouping on a page that groups, and nothing else', () => {
    expect(misfitsGrouping('1765.50', true)).toBe(true);
    expect(misfitsGrouping('175.50', true)).toBe(false);
    expect(misfitsGrouping('2210201', true)).toBe(false); // a code: no decimals
    expect(misfitsGrouping('1765.50', false)).toBe(false);
  });
});

describe('withoutOneDigit', () => {
  it('offers every reading a digit shorter, grouped as the page groups', () => {
    expect(withoutOneDigit('1765.50').sort()).toEqual(['165.50', '175.50', '176.50', '765.50']);
    expect(withoutOneDigit('12345.67')).toContain('1,245.67');
    expect(withoutOneDigit('1065.00')).not.toContain('065.00');
    expect(withoutOneDigit('1,765.50')).toEqual([]);
  });
});

describe('withTwoDecimals', () => {
  it('puts the lost decimal mark back before the last two digits', () => {
    expect(withTwoDecimals('12742')).toEqual(['127.42']);
    expect(withTwoDecimals('1234500')).toEqual(['12,345.00']);
    expect(withTwoDecimals('127.42')).toEqual([]);
    expect(withTwoDecimals('7')).toEqual([]);
  });
});

describe('printsTwoDecimals and lacksMark', () => {
  it('tells a column of two-decimal amounts, where bare digits lost their mark, from a column of codes', () => {
    expect(printsTwoDecimals(['127.42', '1,440.29', '140.00', '12742', '合计'])).toBe(true);
    expect(printsTwoDecimals(['2010201', '2010202', '201', '127.42'])).toBe(false);
    expect(printsTwoDecimals(['127.42', '140.00'])).toBe(false);
    expect([lacksMark('12742'), lacksMark('127.42'), lacksMark('12')]).toEqual([true, false, false]);
    expect(['25.', '25.0', '1,025,', '25.00', '2500'].map(endsShort)).toEqual([true, true, true, false, false]);
  });
});
