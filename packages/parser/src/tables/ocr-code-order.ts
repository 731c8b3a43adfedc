import type { AmountRecord } from '@juesuan/model';
import { codeLevel, parentCode } from '../catalog/catalog.ts';
import { groupBy } from '../group-by.ts';
import { takeCode } from './ocr-labels.ts';

/** Codes are printed in the order of the tree (201, 20101, 2010101, 2010102, 20102 …): the order of their digits as text. */
const between = (code: string, before: string | null, after: string | null) => (before === null || before < code) && (after === null || code < after);

/** The codes one digit fewer than `code` gives (20803505 → 0803505, 2803505 …, 2080505, …), of a code's length. */
function withoutOneDigit(code: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < code.length; i++) out.add(code.slice(0, i) + code.slice(i + 1));
  return [...out].filter((c) => codeLevel(c) !== null);
}

/**
 * OCR tables' codes read with a digit too many (20803505 between 2080504 and 2080506): the one code a
 * dropped digit leaves that stands in the tree's order between the codes printed above and below it,
 * under a code the table prints, is the code; flagged `code_read:` with the reading. Where no single
 * code fits, the reading stays as it is (flagged `code_unknown`).
 */
export function mendCodeLengths(records: AmountRecord[], ocrTables: ReadonlySet<number>, known: (code: string) => boolean): void {
  for (const rows of groupBy(records.filter((r) => ocrTables.has(r.tableIndex) && r.code !== null), (r) => r.tableIndex).values()) {
    const sorted = [...rows].sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || a.row - b.row);
    const printed = new Set(sorted.map((r) => r.code!));
    const valid = (r: AmountRecord) => codeLevel(r.code!) !== null;
    for (const [i, r] of sorted.entries()) {
      if (valid(r) || r.codeMethod !== 'printed') continue;
      const before = sorted.slice(0, i).reverse().find(valid)?.code ?? null;
      const after = sorted.slice(i + 1).find(valid)?.code ?? null;
      const fits = withoutOneDigit(r.code!).filter((c) => between(c, before, after) && (codeLevel(c) === 1 || printed.has(parentCode(c)!)));
      if (fits.length !== 1) continue;
      const read = r.code!;
      mend(sorted.filter((x) => x.row === r.row && x.page === r.page && x.code === read), fits[0]!, read, known(fits[0]!));
    }
  }
}

/** The row's records take the code, the reading kept in a flag. */
function mend(row: AmountRecord[], code: string, read: string, known: boolean): void {
  for (const r of row) {
    r.codePrinted ??= read;
    takeCode(r, code);
    r.flags = [...r.flags.filter((f) => f !== 'code_unknown' || !known), `code_read:${read}`];
  }
}
