import type { AmountRecord } from '@juesuan/model';
import { amountUnsure } from '../flags.ts';

/** Whether two printed amounts have the same digits but one (the same layout of marks aside). */
export function oneDigitApart(a: string, b: string): boolean {
  const da = a.replace(/\D/g, '');
  const db = b.replace(/\D/g, '');
  if (da.length !== db.length) return false;
  return [...da].filter((d, k) => d !== db[k]).length === 1;
}

/**
 * OCR values of one row one digit apart (合计 2,819,034.00 beside 一般公共预算 2,849,034.00): a
 * row's columns often repeat a value, and a digit that lost a stroke (a fax's 4 read as 1) makes
 * such a pair. Each of the pair that no identity confirms over the other's reading is flagged
 * `low_confidence`: one of them is likely misread, and which one only the page can tell.
 */
export function flagOneDigitTwins(records: AmountRecord[], ocrTables: Set<number>, confirmed: (r: AmountRecord, others: string[]) => boolean): void {
  const rows = new Map<string, AmountRecord[]>();
  for (const r of records) {
    if (!ocrTables.has(r.tableIndex)) continue;
    const key = `${r.tableIndex}:${r.page}:${r.row}`;
    rows.set(key, [...(rows.get(key) ?? []), r]);
  }
  for (const row of rows.values())
    for (const a of row)
      for (const b of row) {
        if (a === b || a.amountFen === b.amountFen || !oneDigitApart(a.printed, b.printed)) continue;
        if (amountUnsure(a.flags)) continue;
        if (!confirmed(a, [b.printed])) a.flags.push('low_confidence');
      }
}

