import { describe, expect, it } from 'vitest';
import { mayBeAmount } from './reread-amounts.ts';

describe('a text-line piece that may be an amount', () => {
  it('is one the Chinese model read as an amount, as nothing, or as digits among letters', () => {
    expect(['412.00', '1,234.50', '', ' ', '88.0O', 'l2.40'].every(mayBeAmount)).toBe(true);
  });

  it('is not a line with Chinese in it, nor one without a digit', () => {
    expect(['合计', '单位：万元', '2080505机关事业单位', 'Total', '—'].some(mayBeAmount)).toBe(false);
  });
});
