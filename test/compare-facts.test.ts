import type { Fact } from '@juesuan/model';
import { describe, expect, it } from 'vitest';
import { compareFacts } from '../scripts/lib/compare-facts.ts';

const fact = (name: string, amountFen: number | null, percent: number | null = null, sentence = ''): Fact => ({ name, code: null, label: null, amountFen, percent, value: null, printed: '', unit: '万元', sentence, page: 1 });

describe('compareFacts', () => {
  it('counts the truth’s figures the reading states too, by name and value, each once, whatever words surround them', () => {
    const truth = [fact('item_amount', 100, 96.92), fact('item_amount', 100, 96.92), fact('income_total', 500), fact('fiscal_income', 400)];
    const read = [fact('item_amount', 100, 96.92, '蒂实'), fact('income_total', 500), fact('fiscal_income', 4000), fact('item_amount', 100, null)];
    expect(compareFacts(truth, read)).toEqual({ facts: 4, equal: 2, read: 4 });
  });
});
