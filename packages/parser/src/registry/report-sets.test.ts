import { describe, expect, it } from 'vitest';
import { bestReportSet } from './report-sets.ts';

const present = (...suffixes: string[]) => new Set(suffixes);

describe('report sets', () => {
  it('checks a university budget against its own four-table set, not the local one', () => {
    const r = bestReportSet(present('summary', 'income', 'expenditure', 'fiscal_expenditure'));
    expect([r.set.id, r.missing]).toEqual(['central_university', []]);
  });

  it('counts a breakdown by 经济分类 in another table as the basic-expenditure table', () => {
    const r = bestReportSet(present('summary', 'income', 'expenditure', 'fiscal_summary', 'gpb_expenditure', 'gpb_by_econ', 'three_public', 'gov_fund'));
    expect([r.set.id, r.missing]).toEqual(['local', []]);
  });

  it('on a tie reports the missing table of the larger set', () => {
    // a local report without its 一般公共预算支出表: one slot short of either set
    const r = bestReportSet(present('summary', 'income', 'expenditure', 'fiscal_summary', 'gpb_basic', 'three_public', 'gov_fund'));
    expect([r.set.id, r.missing]).toEqual(['local', [['gpb_expenditure', 'fiscal_expenditure']]]);
  });
});
