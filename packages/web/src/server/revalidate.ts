import type { Store } from '@juesuan/loader';
import type { AmountRecord, Finding } from '@juesuan/model';
import { catalogue, validateRecords } from '@juesuan/parser';

interface Row {
  table_idx: number;
  table: string;
  page: number | null;
  x0: number | null;
  y0: number | null;
  x1: number | null;
  y1: number | null;
  row: number;
  col: number;
  side: 'income' | 'expenditure' | null;
  panel: string | null;
  code: string | null;
  corrected_code: string | null;
  code_printed: string | null;
  code_method: AmountRecord['codeMethod'];
  code_score: number;
  code_level: number | null;
  parent_code: string | null;
  class_code: string | null;
  label: string | null;
  corrected_label: string | null;
  label_key: string | null;
  parent_label: string | null;
  measure: string;
  group_name: string | null;
  context: string | null;
  printed: string;
  unit: string;
  amount_fen: number;
  corrected_amount: number;
  flags: string;
}

/** A run's records as the parser made them, and with the document's corrections applied. */
async function recordsOf(store: Store, runId: number): Promise<{ original: AmountRecord[]; corrected: AmountRecord[] }> {
  const rows = await store.rows<Row>(
    `SELECT li.table_idx, li.table_kind AS "table", li.page, li.x0, li.y0, li.x1, li.y1, li.row, li.col, li.side, li.panel, li.group_name, li.context,
              li.code, ci.code_resolved AS corrected_code, li.code_printed, li.code_method, li.code_score, li.code_level, li.parent_code, li.class_code,
              li.label, ci.label AS corrected_label, li.label_key, li.parent_label, li.measure, li.printed, li.unit, li.amount_fen,
              ci.amount_fen AS corrected_amount, li.flags
       FROM line_items li JOIN corrected_items ci ON ci.run_id = li.run_id AND ci.table_idx = li.table_idx AND ci.row = li.row AND ci.col = li.col
       WHERE li.run_id = ? ORDER BY li.rowid`,
    [runId],
  );
  const original = rows.map((r): AmountRecord => ({
    tableIndex: r.table_idx,
    table: r.table,
    page: r.page,
    bbox: r.x0 === null || r.y0 === null || r.x1 === null || r.y1 === null ? null : { x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1 },
    row: r.row,
    col: r.col,
    side: r.side,
    panel: r.panel,
    group: r.group_name,
    code: r.code,
    codePrinted: r.code_printed,
    codeMethod: r.code_method,
    codeScore: r.code_score,
    codeLevel: r.code_level,
    parentCode: r.parent_code,
    classCode: r.class_code,
    label: r.label,
    labelKey: r.label_key,
    parentLabel: r.parent_label,
    context: r.context ? (JSON.parse(r.context) as Record<string, string>) : null,
    measure: r.measure,
    printed: r.printed,
    unit: r.unit,
    amountFen: r.amount_fen,
    flags: JSON.parse(r.flags) as string[],
  }));
  const corrected = original.map((rec, i) => ({ ...rec, code: rows[i]!.corrected_code, label: rows[i]!.corrected_label, amountFen: rows[i]!.corrected_amount }));
  return { original, corrected };
}

export const findingKey = (f: Pick<Finding, 'rule' | 'cells'>) => `${f.rule}|${JSON.stringify(f.cells.map((c) => [c.tableIndex, c.page, c.bbox?.x0, c.bbox?.y0]))}`;

/**
 * The run's findings with the identity checks run again over the corrected values: what the
 * parser's validation found on the printed values is replaced by what it finds now; the
 * findings that went away are returned as resolved.
 */
export async function revalidate(store: Store, runId: number, stored: Finding[]): Promise<{ findings: Finding[]; resolved: Finding[] }> {
  const { original, corrected } = await recordsOf(store, runId);
  const before = new Set(validateRecords(original).map(findingKey));
  // joined to the audit's catalogue as the parse joins them: family, and the cells as evidence
  const after = catalogue(validateRecords(corrected));
  const afterKeys = new Set(after.map(findingKey));
  const kept = stored.filter((f) => !before.has(findingKey(f)));
  const resolved = stored.filter((f) => before.has(findingKey(f)) && !afterKeys.has(findingKey(f)));
  return { findings: [...kept, ...after], resolved };
}
