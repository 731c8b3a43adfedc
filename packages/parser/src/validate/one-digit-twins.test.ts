import type { AmountRecord } from '@juesuan/model';
import { describe, expect, it } from 'vitest';
import { flagOneDigitTwins, oneDigitApart } from './one-digit-twins.ts';

const rec = (printed: string, col: number, row = 8): AmountRecord =>
  ({ tableIndex: 3, page: 14, row, col, printed, amountFen: Math.round(Number(printed.replace(/,/g, '')) * 100), flags: [] as string[] }) as unknown as AmountRecord;

describe('oneDigitApart', () => {
  it('is true for the same digits but one, whatever the marks', () => {
    expect(oneDigitApart('2,819,034.00', '2,849,034.00')).toBe(true);
    expect(oneDigitApart('2,819,034.00', '2,849,094.00')).toBe(false);
    expect(oneDigitApart('819.00', '2,819.00')).toBe(false);
  });
});

describe('flagOneDigitTwins', () => {
  it('flags both of a row pair one digit apart that no identity confirms, and only those', () => {
    const a = rec('2,819,034.00', 3);
    const b = rec('2,849,034.00', 4);
    const other = rec('31,364,000.00', 3, 7);
    const far = rec('2,849,000.00', 5);
    flagOneDigitTwins([a, b, other, far], new Set([3]), () => false);
    expect([a, b, other, far].map((r) => r.flags.includes('low_confidence'))).toEqual([true, true, false, false]);
  });

  it('leaves a value an identity confirms over its twin, and text-layer tables', () => {
    const a = rec('2,819,034.00', 3);
    const b = rec('2,849,034.00', 4);
    flagOneDigitTwins([a, b], new Set([3]), (r) => r === b);
    expect([a.flags, b.flags]).toEqual([['low_confidence'], []]);
    const c = rec('2,819,034.00', 3);
    const d = rec('2,849,034.00', 4);
    flagOneDigitTwins([c, d], new Set(), () => false);
    expect([c.flags, d.flags]).toEqual([[], []]);
  });
});
