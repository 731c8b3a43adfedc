import type { AmountRecord, CellRef, Finding, Suggestion } from '@juesuan/model';
import { formatFen, normalizeNumberText, parseAmount } from '../amounts/parse-amount.ts';
import { buildIdentities } from './build-identities.ts';
import type { Identity } from './identities.ts';
import { holds, tolerance } from './identities.ts';
import { flagValue } from '../flags.ts';

export function ref(r: AmountRecord): CellRef {
  return { tableIndex: r.tableIndex, page: r.page, bbox: r.bbox, printed: r.printed };
}

/** Every way to change one digit of a printed amount. */
export function oneDigitVariants(printed: string): string[] {
  const out: string[] = [];
  const chars = [...printed];
  chars.forEach((ch, i) => {
    if (!/\d/.test(ch)) return;
    for (let d = 0; d <= 9; d++) {
      if (String(d) === ch) continue;
      const v = [...chars];
      v[i] = String(d);
      out.push(v.join(''));
    }
  });
  return out;
}

/**
 * When exactly one cell breaks identities and one changed digit makes every identity that
 * touches it hold, that change is offered as a suggestion (the printed value stays).
 */
function suggestRepair(failing: Identity[], all: Identity[]): Map<AmountRecord, Suggestion> {
  const out = new Map<AmountRecord, Suggestion>();
  const involved = new Set<AmountRecord>();
  for (const f of failing) for (const r of [f.target, ...f.summands]) involved.add(r);
  const solutions: Array<{ cell: AmountRecord; printed: string; fen: number; fixed: Identity[] }> = [];
  for (const cell of involved) {
    const touching = all.filter((i) => i.target === cell || i.summands.includes(cell));
    // the cell must be part of every failing identity
    if (!failing.every((f) => touching.includes(f))) continue;
    for (const variant of oneDigitVariants(cell.printed)) {
      const parsed = parseAmount(normalizeNumberText(variant), cell.unit);
      if (!parsed) continue;
      const value = (r: AmountRecord) => (r === cell ? parsed.fen : r.amountFen);
      if (touching.every((i) => holds(i, value))) solutions.push({ cell, printed: variant, fen: parsed.fen, fixed: failing });
    }
  }
  if (solutions.length === 1) {
    const s = solutions[0]!;
    out.set(s.cell, {
      cell: ref(s.cell),
      printed: s.cell.printed,
      suggested: s.printed,
      evidence: s.fixed.map((f) => `${f.rule}: ${f.descriptionEn}`),
    });
  }
  return out;
}

const TABLE_NAMES: Record<string, string> = { income: '收入表', expenditure: '支出表', gpb_expenditure: '一般公共预算支出表', gpb_basic: '基本支出表', fiscal_by_econ: '财政拨款支出（经济分类）表' };
const tableName = (kind: string) => TABLE_NAMES[kind.split('.')[1] ?? ''] ?? kind;

/**
 * One code printed with two amounts in two tables: when the hierarchy holds in one table and
 * breaks in the other, the finding names that identity and suggests the consistent value.
 */
function sameCodeMismatches(records: AmountRecord[], identities: Identity[]): Finding[] {
  const findings: Finding[] = [];
  const totals = records.filter((r) => r.code && r.measure === 'total');
  const byCode = new Map<string, AmountRecord[]>();
  for (const r of totals) byCode.set(r.code!, [...(byCode.get(r.code!) ?? []), r]);
  const hierarchyOf = (r: AmountRecord) => identities.filter((i) => i.rule.startsWith('hierarchy.') && (i.target === r || i.summands.includes(r)));
  for (const [code, rs] of byCode) {
    for (let i = 0; i < rs.length; i++) {
      for (let j = i + 1; j < rs.length; j++) {
        const a = rs[i]!;
        const b = rs[j]!;
        if (a.tableIndex === b.tableIndex || a.amountFen === b.amountFen) continue;
        // a code that does not fit its own row name explains the difference better
        if (a.flags.includes('code_name_mismatch') || b.flags.includes('code_name_mismatch')) continue;
        const ha = hierarchyOf(a);
        const hb = hierarchyOf(b);
        if (ha.length === 0 || hb.length === 0) continue;
        const aHolds = ha.every((x) => holds(x));
        const bHolds = hb.every((x) => holds(x));
        if (aHolds === bHolds) continue;
        const [good, bad, identity] = aHolds ? [a, b, ha[0]!] : [b, a, hb[0]!];
        // only when the other table's value would mend the broken identities: a misprint, not a different scope
        const mended = (aHolds ? hb : ha).every((x) => holds(x, (r) => (r === bad ? good.amountFen : r.amountFen)));
        if (!mended) continue;
        const parent = identity.target.code ?? '合计';
        findings.push({
          rule: 'across.same_code',
          severity: 'error',
          messageZh: `${code} ${good.label ?? ''}在${tableName(bad.table)}印为 ${bad.printed}，在${tableName(good.table)}印为 ${good.printed}；${tableName(good.table)}中 ${parent} = Σ下级科目 成立，${tableName(bad.table)}中不成立，故 ${good.printed} 与其他数字一致`,
          messageEn: `${code} is printed ${bad.printed} in ${bad.table} and ${good.printed} in ${good.table}; the identity ${identity.rule} (${parent} = sum of its sub-items) holds in ${good.table} and fails in ${bad.table}, so ${good.printed} is the consistent value`,
          cells: [ref(bad), ref(good)],
          suggestion: { cell: ref(bad), printed: bad.printed, suggested: good.printed, evidence: [`${identity.rule} holds in ${good.table} with ${good.printed}`, `${identity.rule} fails in ${bad.table} with ${bad.printed}`] },
        });
      }
    }
  }
  return findings;
}

/** Checks every identity; each break becomes a finding that points at its cells. */
export function validateRecords(records: AmountRecord[], identities: Identity[] = buildIdentities(records)): Finding[] {
  const failing = identities.filter((i) => !holds(i));
  const suggestions = failing.length > 0 ? suggestRepair(failing, identities) : new Map<AmountRecord, Suggestion>();
  const findings: Finding[] = failing.map((i) => {
    const sum = i.summands.reduce((s, r) => s + r.amountFen, 0);
    const unit = i.target.unit;
    const suggestion = [i.target, ...i.summands].map((r) => suggestions.get(r)).find((s) => s !== undefined) ?? null;
    return {
      rule: i.rule,
      severity: 'error',
      messageZh: `${i.descriptionZh}：印刷值 ${i.target.printed}，各项之和 ${formatFen(sum, unit)}（${unit}），差额超过容差 ${formatFen(tolerance(i), unit)}`,
      messageEn: `${i.descriptionEn}: printed ${i.target.printed}, sum ${formatFen(sum, unit)} (${unit}), off by more than ${formatFen(tolerance(i), unit)}`,
      cells: [ref(i.target), ...i.summands.map(ref)],
      suggestion,
    };
  });
  findings.push(...sameCodeMismatches(records, identities));
  for (const r of records) {
    if (r.flags.includes('code_unknown')) findings.push(info('catalog.unknown_code', r, `科目编码 ${r.code} 不在分类目录中`, `code ${r.code} is not in the catalog`));
    const says = flagValue(r.flags, 'name_says');
    if (says && r.measure === (records.find((x) => x.tableIndex === r.tableIndex && x.row === r.row)?.measure ?? r.measure)) {
      // the code as OCR read it, where the name's code was taken in its place
      const code = flagValue(r.flags, 'code_read') ?? r.code;
      findings.push({
        rule: 'catalog.code_name_mismatch',
        severity: 'warning',
        messageZh: `科目编码 ${code} 与名称「${r.label}」不符：该名称在分类目录中为 ${says}`,
        messageEn: `code ${code} does not fit the name ${r.label}, which the catalog gives as ${says}`,
        cells: [ref(r)],
        suggestion: { cell: ref(r), printed: code ?? '', suggested: says, evidence: [`catalog name of ${says}: ${r.label}`] },
      });
    }
    if (r.flags.includes('code_tie') || r.flags.includes('code_low_score')) findings.push(info('catalog.uncertain_match', r, `按名称匹配的科目编码 ${r.code} 不确定`, `code ${r.code} matched by name is uncertain`, 'warning'));
  }
  return dedupeFindings(findings);
}

function info(rule: string, r: AmountRecord, zh: string, en: string, severity: Finding['severity'] = 'info'): Finding {
  return { rule, severity, messageZh: zh, messageEn: en, cells: [ref(r)], suggestion: null };
}

/** One finding per rule and row for the per-cell catalog notes. */
function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    if (f.severity === 'error') return true;
    const c = f.cells[0]!;
    const key = `${f.rule}|${c.tableIndex}|${c.page}|${c.bbox?.y0 ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
