import { describe, expect, it } from 'vitest';
import type { Cell } from '@juesuan/model';
import { fitsCell, withReadings } from './read-cells-again.ts';

const cell = (text: string, alternatives?: string[]): Cell => ({ text, bbox: { x0: 0, y0: 0, x1: 10, y1: 10 }, page: 1, row: 1, col: 1, rowSpan: 1, colSpan: 1, confidence: 0.9, source: 'ocr', ...(alternatives ? { alternatives } : {}) });

describe('readings got again for a cell', () => {
  it('may be its amount only when laid out like it: a digit more or fewer, decimals alike', () => {
    expect(fitsCell('4,968.34', '1,968.34')).toBe(true);
    expect(fitsCell('968.3', '1,968.34')).toBe(false);
    expect(fitsCell('0', '415.33')).toBe(false);
    expect(fitsCell('13,377.11', '9')).toBe(true); // a digit for a long amount: any amount read again may be it
    expect(fitsCell('5', '0')).toBe(false);
    expect(fitsCell('13,377.11', '?')).toBe(true);
    // decimals cut short: a reading that prints them, after the same digits
    expect(fitsCell('196.72', '196.')).toBe(true);
    expect(fitsCell('1,196.72', '196.')).toBe(false);
    expect(fitsCell('196.7', '196.')).toBe(false);
    // one decimal read, and a digit before it misread too (a fax's 9 read 4)
    expect(fitsCell('21,955.35', '21,455.3')).toBe(true);
    expect(fitsCell('21,935.95', '21,455.3')).toBe(false);
  });

  it('are kept beside the amount, a split 4 made whole; a cell that read no amount takes the first, unsure', () => {
    expect(withReadings(cell('126.00', ['120.00']), ['4126.00', '126.00', '0']).alternatives).toEqual(['120.00', '4126.00', '426.00']);
    expect(withReadings(cell('?'), ['88.00', '86.00'])).toMatchObject({ text: '88.00', confidence: 0.5, alternatives: ['86.00'] });
    expect(withReadings(cell('196.'), ['196.', '196.72'])).toMatchObject({ text: '196.72', confidence: 0.5 });
    expect(withReadings(cell('752.29'), ['752.29'])).toEqual(cell('752.29'));
  });
});
