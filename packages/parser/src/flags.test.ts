import { describe, expect, it } from 'vitest';
import { amountUnsure, flagWith, meaningUnsure } from './flags.ts';

describe('flags that doubt a value', () => {
  it('tell a doubted amount from a doubted meaning', () => {
    expect(amountUnsure(['low_confidence'])).toBe(true);
    expect(amountUnsure(['repaired_by_identity', flagWith('read_as', '148.37')])).toBe(true);
    expect(amountUnsure([flagWith('code_read', '2080503')])).toBe(false);
    expect(meaningUnsure([flagWith('code_read', '2080503')])).toBe(true);
    expect(meaningUnsure(['code_out_of_order'])).toBe(true);
    expect(meaningUnsure([flagWith('measure_read', 'col:他诈')])).toBe(true);
    expect(meaningUnsure(['low_confidence'])).toBe(false);
  });

  it('doubt nothing for marks that only say where a value came from', () => {
    // a code the catalog lacks (a local code), a label snapped to the catalog's name, a unit the table did not print
    const marks = ['code_unknown', flagWith('label_read', '收人合计'), 'unit_assumed', 'inexact_decimals'];
    expect(amountUnsure(marks) || meaningUnsure(marks)).toBe(false);
  });
});
