import type { AmountRecord } from '@juesuan/model';
import { codeLevel, parentCode } from '../catalog/catalog.ts';
import { groupBy } from '../group-by.ts';
import { takeCode } from './ocr-labels.ts';
import { buildIdentities } from '../validate/build-identities.ts';
import { holds } from '../validate/identities.ts';
import { flagWith } from '../flags.ts';

/** Codes are printed in the order of the tree (201, 20101, 2010101, 2010102, 20102 …): the order of their digits as text. */
export const between = (code: string, before: string | null, after: string | null) => (before === null || before < code) && (after === null || code < after);

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
    const placed = placedAmong(printed);
    const valid = (r: AmountRecord) => codeLevel(r.code!) !== null;
    for (const [i, r] of sorted.entries()) {
      if (valid(r) || r.codeMethod !== 'printed') continue;
      const before = sorted.slice(0, i).reverse().find(valid)?.code ?? null;
      const after = sorted.slice(i + 1).find(valid)?.code ?? null;
      const fits = withoutOneDigit(r.code!).filter((c) => between(c, before, after) && placed(c));
      if (fits.length !== 1) continue;
      const read = r.code!;
      mend(sorted.filter((x) => x.row === r.row && x.page === r.page && x.code === read), fits[0]!, read, known(fits[0]!));
    }
  }
}

/** Whether a code has a place in a tree of these printed codes: a 类, or under a code printed. */
export const placedAmong = (printed: ReadonlySet<string>) => (code: string) => codeLevel(code) === 1 || (codeLevel(code) !== null && printed.has(parentCode(code)!));

/** The codes of a code's length one digit apart from it (2040603 → 1040603 … 2040503 …). */
function oneDigitOff(code: string): string[] {
  return [...code].flatMap((d, i) => [...'0123456789'].filter((x) => x !== d).map((x) => code.slice(0, i) + x + code.slice(i + 1)));
}

/** A table's rows by where they stand (page, row), each with its records. */
function rowsInOrder(records: AmountRecord[]): AmountRecord[][] {
  return [...groupBy(records, (r) => `${r.page}|${r.row}`).values()].sort((a, b) => (a[0]!.page ?? 0) - (b[0]!.page ?? 0) || a[0]!.row - b[0]!.row);
}

/** The table's hierarchy sums that fail, and those that hold, by their target cell. */
function hierarchySums(records: AmountRecord[], ocrTables: ReadonlySet<number>, table: number): { broken: Set<AmountRecord>; held: Set<AmountRecord> } {
  const sums = buildIdentities(records, ocrTables).filter((i) => i.target.tableIndex === table && i.rule.startsWith('hierarchy.'));
  return { broken: new Set(sums.filter((i) => !holds(i)).map((i) => i.target)), held: new Set(sums.filter((i) => holds(i)).map((i) => i.target)) };
}

/**
 * OCR tables' codes with a digit misread into another branch (heavy print's 2040503 read
 * 2040603, under a 款 20406 the table never prints): the one code a digit apart, under a code the
 * table prints and in the tree's order between the placed codes above and below, is the code,
 * flagged `code_read:`. Taken only when the table's hierarchy sums say so: with every such code of
 * the table mended, fewer fail and none that held fails (a 款 row OCR lost leaves its 项 unplaced too,
 * and moving them breaks the sum they fell under). Then, alike, a code the table prints on
 * another row too, here out of the tree's order (a fax's 30301 read 30101 under 303); left
 * unmended, it is flagged `code_out_of_order`.
 */
export function mendCodesByOrder(records: AmountRecord[], ocrTables: ReadonlySet<number>, known: (code: string) => boolean): void {
  for (const rows of groupBy(records.filter((r) => ocrTables.has(r.tableIndex) && r.code !== null), (r) => r.tableIndex).values()) {
    const table = rows[0]!.tableIndex;
    const unplaced = misplacedRows(rows, 'unplaced', known);
    if (unplaced.length > 0) mendIfSumsSay(records, ocrTables, table, unplaced.filter((m) => m.code !== null), known);
    const repeated = misplacedRows(rows, 'repeated', known);
    const mended = repeated.length > 0 && mendIfSumsSay(records, ocrTables, table, repeated.filter((m) => m.code !== null), known);
    for (const m of repeated) if (!mended || m.code === null) for (const r of m.row.filter((x) => !x.flags.includes('code_out_of_order'))) r.flags.push('code_out_of_order');
  }
}

interface CodeMend {
  row: AmountRecord[];
  /** the one code that fits, or null */
  code: string | null;
  read: string;
}

/**
 * Rows of one OCR table whose printed code stands where its tree cannot put it: unplaced (under a
 * code the table never prints) or repeated (a code another row prints, here out of the tree's
 * order); each with the one code a digit apart that fits there.
 */
function misplacedRows(rows: AmountRecord[], which: 'unplaced' | 'repeated', known: (code: string) => boolean): CodeMend[] {
  const ordered = rowsInOrder(rows);
  const printed = new Set(rows.map((r) => r.code!));
  const placed = placedAmong(printed);
  const anchor = (row: AmountRecord[]) => (placed(row[0]!.code!) ? row[0]!.code! : undefined);
  const rowsOf = (code: string) => ordered.filter((row) => row[0]!.code === code).length;
  return ordered.flatMap((row, i) => {
    const read = row[0]!.code!;
    if (codeLevel(read) === null || row[0]!.codeMethod !== 'printed') return [];
    // an unplaced code's own rows below it (a fax's 4 read 1 in 20404 and in each of its 项): they move with it
    const below = which === 'unplaced' ? subtreeBelow(ordered, i) : [];
    const before = ordered.slice(0, i).reverse().map(anchor).find(Boolean) ?? null;
    const after = ordered.slice(i + 1 + below.length).map(anchor).find(Boolean) ?? null;
    const misplaced = which === 'unplaced' ? !placed(read) : placed(read) && rowsOf(read) >= 2 && !between(read, before, after);
    if (!misplaced) return [];
    const moved = (c: string) => below.map((b) => c + b[0]!.code!.slice(read.length));
    // a code the catalog knows is never moved to one it does not: under a misread 款 (20805 read 20803) its right 项 would follow it
    const fits = oneDigitOff(read).filter((c) => placed(c) && !printed.has(c) && between(c, before, after) && (known(c) || !known(read)) && !moved(c).some((m) => printed.has(m)));
    if (which === 'unplaced' && fits.length !== 1) return [];
    const code = fits.length === 1 ? fits[0]! : null;
    return [{ row, code, read }, ...below.map((b, k) => ({ row: b, code: code && moved(code)[k]!, read: b[0]!.code! }))];
  });
}

/** The rows right below row `i` whose codes lie under its code (its 项 under a 款). */
function subtreeBelow(ordered: AmountRecord[][], i: number): AmountRecord[][] {
  const top = ordered[i]![0]!.code!;
  const out: AmountRecord[][] = [];
  for (const row of ordered.slice(i + 1)) {
    const code = row[0]!.code;
    if (!code || code.length <= top.length || !code.startsWith(top)) break;
    out.push(row);
  }
  return out;
}

/** The mends taken together when the table's hierarchy sums say so (fewer fail, or as many and more hold; none that held fails); whether they were. */
function mendIfSumsSay(records: AmountRecord[], ocrTables: ReadonlySet<number>, table: number, mends: CodeMend[], known: (code: string) => boolean): boolean {
  if (mends.length === 0) return false;
  const was = hierarchySums(records, ocrTables, table);
  for (const m of mends) for (const r of m.row) takeCode(r, m.code!);
  const now = hierarchySums(records, ocrTables, table);
  // fewer sums fail, or as many and more hold (a 款 put back under its 类 completes the 类's sum), and none that held fails
  const sumsSay = now.broken.size < was.broken.size || (now.broken.size === was.broken.size && now.held.size > was.held.size);
  const better = sumsSay && [...was.held].every((t) => !now.broken.has(t));
  for (const m of mends) {
    if (better) mend(m.row, m.code!, m.read, known(m.code!));
    else for (const r of m.row) takeCode(r, m.read);
  }
  return better;
}

/** The row's records take the code, the reading kept in a flag. */
export function mend(row: AmountRecord[], code: string, read: string, known: boolean): void {
  for (const r of row) {
    r.codePrinted ??= read;
    takeCode(r, code);
    r.flags = [...r.flags.filter((f) => f !== 'code_unknown' || !known), flagWith('code_read', read)];
  }
}
