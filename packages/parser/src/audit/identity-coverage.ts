import type { AuditContext, Coverage } from './audit-context.ts';
import { insufficient, notApplicable, ran } from './audit-context.ts';
import { stageOf, tableName } from './standard-tables.ts';
import type { Stage } from './standard-tables.ts';

/** An identity check, the tables it compares, and what goes unchecked without them. */
interface IdentityCheck {
  check: string;
  family: 'identity' | 'restated' | 'coding';
  /** any one of these groups of kind suffixes, all of a group present */
  needs: string[][];
  what: string;
  stages?: Stage[];
  /** a table only some regions' sets print (Jiangsu's 财政拨款支出表): without it the check does not apply */
  setTable?: string;
}

const IDENTITY_CHECKS: IdentityCheck[] = [
  { check: 'hierarchy', family: 'identity', needs: [['income'], ['expenditure'], ['gpb_expenditure'], ['gpb_basic']], what: '类 = Σ款 = Σ项 sums not checked' },
  { check: 'row', family: 'identity', needs: [['income'], ['expenditure'], ['gpb_expenditure'], ['fiscal_summary'], ['gpb_basic']], what: 'row totals not checked' },
  { check: 'two_sided', family: 'identity', needs: [['summary'], ['fiscal_summary']], what: 'income and expenditure totals not balanced' },
  { check: 'three_public', family: 'identity', needs: [['three_public']], what: '三公 total and vehicle sums not checked' },
  { check: 'across.summary_income', family: 'identity', needs: [['summary', 'income']], what: 'summary income total not compared' },
  { check: 'across.summary_expenditure', family: 'identity', needs: [['summary', 'expenditure']], what: 'summary expenditure total not compared' },
  { check: 'across.class_rows', family: 'identity', needs: [['summary', 'expenditure'], ['fiscal_summary', 'gpb_expenditure']], what: 'summary 类 rows not compared' },
  { check: 'across.fiscal_gpb', family: 'identity', needs: [['fiscal_summary', 'gpb_expenditure']], what: 'fiscal summary 一般公共预算 column not compared' },
  { check: 'across.fiscal_total', family: 'identity', needs: [['fiscal_summary', 'fiscal_expenditure']], what: 'fiscal summary 支出合计 not compared with the 财政拨款支出表', stages: ['budget'], setTable: 'fiscal_expenditure' },
  { check: 'across.gpb_basic', family: 'identity', needs: [['gpb_expenditure', 'gpb_basic']], what: 'basic expenditure not compared with the 基本支出 table' },
  { check: 'across.budget_rows', family: 'identity', needs: [['income', 'expenditure']], what: 'income and expenditure rows by code not compared', stages: ['budget'] },
  { check: 'across.same_code', family: 'identity', needs: [['expenditure', 'gpb_expenditure'], ['income', 'expenditure']], what: 'one code in two tables not compared' },
];

/** Whether a finding's rule belongs to a check of the ledger (a check names a rule or a rule prefix). */
export function ruleOfCheck(rule: string, check: string): boolean {
  return rule === check || rule.startsWith(`${check}.`);
}

/** Which identity checks could run, from the standard tables present and holding amounts. */
export function identityCoverage(ctx: AuditContext): Array<Coverage & { family: string }> {
  const stage = stageOf(ctx.meta.kind);
  const withAmounts = new Set(ctx.records.filter((r) => r.table.startsWith(`${stage}.`)).map((r) => r.table.slice(stage.length + 1)));
  const present = new Set(ctx.tables.filter((t) => t.kind.startsWith(`${stage}.`)).map((t) => t.kind.slice(stage.length + 1)));
  const out: Array<Coverage & { family: string }> = [];
  for (const c of IDENTITY_CHECKS) {
    if (c.stages && !c.stages.includes(stage)) continue;
    const add = (cov: Coverage) => out.push({ ...cov, family: c.family });
    if (present.size === 0) {
      add(notApplicable(c.check, 'no standard table in this file'));
      continue;
    }
    if (c.setTable && !present.has(c.setTable)) {
      add(notApplicable(c.check, `no ${tableName(c.setTable, stage)} in this report (not every set of tables has one)`));
      continue;
    }
    if (c.needs.some((g) => g.every((s) => withAmounts.has(s)))) {
      add(ran(c.check));
      continue;
    }
    // the group closest to complete names what is missing
    const best = [...c.needs].sort((a, b) => b.filter((s) => present.has(s)).length - a.filter((s) => present.has(s)).length)[0]!;
    const lacking = best.filter((s) => !withAmounts.has(s)).map((s) => `${tableName(s, stage)} ${present.has(s) ? 'has no amounts' : 'missing'}`);
    add(insufficient(c.check, `${lacking.join(', ')}: ${c.what}`));
  }
  out.push({ ...narrativeCoverage(ctx, withAmounts.size > 0), family: 'restated' });
  out.push({ ...(ctx.records.some((r) => r.code !== null) ? ran('catalog') : notApplicable('catalog', 'no coded row')), family: 'coding' });
  return out;
}

function narrativeCoverage(ctx: AuditContext, tablesWithAmounts: boolean): Coverage {
  const restated = ctx.facts.filter((f) => f.amountFen !== null && !/^(performance|project)/.test(f.name));
  if (restated.length === 0) return notApplicable('narrative', 'the narrative restates no figure the parser reads');
  return tablesWithAmounts ? ran('narrative') : insufficient('narrative', 'no table with amounts: restated figures not compared');
}
