import type { AmountRecord, DocumentMeta, ParsedTable } from '@juesuan/model';
import { describe, expect, it } from 'vitest';
import type { AuditContext } from './audit-context.ts';
import { identityCoverage } from './identity-coverage.ts';

/** A budget with these standard tables, each holding one amount. */
function budget(kinds: string[]): AuditContext {
  const tables = kinds.map((k, i) => ({ index: i, kind: `budget.${k}` }) as unknown as ParsedTable);
  const records = kinds.map((k, i) => ({ tableIndex: i, table: `budget.${k}`, amountFen: 1 }) as unknown as AmountRecord);
  return { meta: { kind: 'budget' } as DocumentMeta, tables, records, facts: [] } as unknown as AuditContext;
}
const status = (ctx: AuditContext, check: string) => identityCoverage(ctx).find((c) => c.check === check);

describe('identity coverage of a table only some regions print', () => {
  it('does not apply where the set has no 财政拨款支出表 (the national set)', () => {
    expect(status(budget(['summary', 'fiscal_summary', 'gpb_expenditure']), 'across.fiscal_total')).toMatchObject({ status: 'not_applicable', reason: 'no 财政拨款支出表（功能科目） in this report (not every set of tables has one)' });
  });

  it('runs where both tables are printed, and lacks data where the set has one without the other', () => {
    expect(status(budget(['fiscal_summary', 'fiscal_expenditure']), 'across.fiscal_total')?.status).toBe('ran');
    expect(status(budget(['fiscal_expenditure']), 'across.fiscal_total')).toMatchObject({ status: 'insufficient_data', reason: expect.stringContaining('missing') });
  });
});
