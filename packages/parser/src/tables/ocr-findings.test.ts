import { describe, expect, it } from 'vitest';
import { unreadableAmountText } from './ocr-findings.ts';

describe('OCR text in an amount column that is no amount', () => {
  it('is digits not read as one, or marks that are no words', () => {
    // '?' is what the extractor writes for a column of amounts' cell no reading made out (read-cells' UNREAD_MARK)
    expect(['1oo.0O', '4,968.3 4', 'P口Mil', 'l', '~', '?'].every(unreadableAmountText)).toBe(true);
  });

  it('is not a blank cell, a mark for nothing, or words', () => {
    expect(['', ' ', '/', '无', '×', '详见附表', '政府采购'].some(unreadableAmountText)).toBe(false);
  });
});
