import { describe, expect, it } from 'vitest';
import { classBody, LOOKALIKE_GROUPS, lookalikesOf, NUMERAL_STROKE_LOOKALIKES } from './ocr-lookalikes.ts';

describe('the OCR look-alike registry', () => {
  it('puts every character in one group only', () => {
    const chars = LOOKALIKE_GROUPS.flatMap((g) => [...g]);
    expect(new Set(chars).size).toBe(chars.length);
  });

  it('gives a character its group, and a character of no group itself', () => {
    expect(lookalikesOf('人')).toBe('入人八');
    expect(lookalikesOf('税')).toBe('税');
  });

  it('escapes what a class would read as syntax', () => {
    const strokes = new RegExp(`^[${classBody(NUMERAL_STROKE_LOOKALIKES['一'])}]$`);
    expect(['-', '—', '_', '~', '－', 'ー'].every((s) => strokes.test(s))).toBe(true);
    expect(strokes.test('a')).toBe(false);
    expect(new RegExp(`^[${classBody('a^]-')}]+$`).test(']^-a')).toBe(true);
  });
});
