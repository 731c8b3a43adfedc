import type { AmountRecord, CellRef, Finding, Suggestion } from '@juesuan/model';
import { formatFen, normalizeNumberText, parseAmount } from '../amounts/parse-amount.ts';
import { buildIdentities } from './build-identities.ts';
import type { Identity } from './identities.ts';
import { holds, tolerance } from './identities.ts';

function ref(r: AmountRecord): CellRef {
  return { tableIndex: r.tableIndex, page: r.page, bbox: r.bbox, printed: r.printed };
}

/** Every way to change one digit of a printed amount. */
function oneDigitVariants(printed: string): string[] {
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

/** Checks every identity; each break becomes a finding that points at its cells. */
export function validateRecords(records: AmountRecord[]): Finding[] {
  const identities = buildIdentities(records);
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
  for (const r of records) {
    if (r.flags.includes('code_unknown')) findings.push(info('catalog.unknown_code', r, `科目编码 ${r.code} 不在分类目录中`, `code ${r.code} is not in the catalog`));
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
