import type { AmountRecord } from '@juesuan/model';
import { distance } from 'fastest-levenshtein';
import { canonicalConfusable } from '../registry/ocr-confusions.ts';
import type { Catalogs } from './ocr-labels.ts';
import { catalogOf, closeEnough } from './ocr-labels.ts';
import { between, mend, placedAmong } from './ocr-code-order.ts';
import { nameSimilarity, normalizeName } from '../catalog/catalog.ts';
import { groupBy } from '../group-by.ts';

/** Codes this many digits apart, of one length, may be one code misread (a fax's 4 read 1, twice in 2040405). */
const TWIN_DIGITS_OFF = 2;
/** Names this like (bigrams shared) are one line's, read twice; OCR garbles a character or two of each. */
const TWIN_NAME_LIKENESS = 0.5;
/** A label this unlike its code's catalog name does not name it (bigrams shared)… */
const NAME_UNLIKE = 0.5;
/** …and names another code whose name it is but for this share of its characters, misread. */
const NAME_OFF_SHARE = 0.25;

interface Line {
  row: AmountRecord[];
  code: string;
  name: string;
  amounts: Set<number>;
}

const digitsOff = (a: string, b: string) => [...a].filter((d, i) => d !== b[i]).length;

/**
 * Two readings of one budget line: an amount in common (not 0), codes of one length a digit or two
 * apart, and like names, unless the first's code has no place in its table (both names may be garbled).
 */
function twins(a: Line, b: Line, placed: boolean): boolean {
  if (a.code.length !== b.code.length || a.code === b.code || digitsOff(a.code, b.code) > TWIN_DIGITS_OFF) return false;
  if (![...a.amounts].some((x) => b.amounts.has(x))) return false;
  return !placed || closeEnough(a.name, b.name) || nameSimilarity(a.name, b.name) >= TWIN_NAME_LIKENESS;
}

/** A table's coded lines in order: a row's records on one side (of a two-sided table), with its label. */
function linesOf(rows: AmountRecord[]): Line[] {
  return [...groupBy(rows, (r) => `${r.page}|${r.row}|${r.side ?? ''}|${r.panel ?? ''}`).values()]
    .sort((a, b) => (a[0]!.page ?? 0) - (b[0]!.page ?? 0) || a[0]!.row - b[0]!.row)
    .filter((row) => row[0]!.code !== null && row[0]!.label)
    .map((row) => ({ row, code: row[0]!.code!, name: normalizeName(row[0]!.label!), amounts: new Set(row.map((r) => r.amountFen).filter((x) => x !== 0)) }));
}

/** A table's tree: whether a code has a place in it, and a place for it between a line and its neighbours. */
function treeOf(lines: Line[]) {
  const printed = new Set(lines.map((l) => l.code));
  const placed = placedAmong(printed);
  const fits = (code: string, i: number) => {
    const before = lines.slice(0, i).reverse().find((l) => placed(l.code))?.code ?? null;
    const after = lines.slice(i + 1).find((l) => placed(l.code))?.code ?? null;
    return placed(code) && !printed.has(code) && between(code, before, after);
  };
  return { placed, fits };
}

/**
 * A budget line is printed in several tables of a document (支出预算表, 财政拨款支出预算表,
 * 一般公共预算支出预算表), with its amounts and name. An OCR line whose code another table reads
 * otherwise (a like name, an amount in common, a digit or two apart) takes that code where its own
 * table's tree has no place for its own (2010105 under no 20101) and has one for the other, or where
 * its label names the other in the catalog and not its own (2080503 read on 机关事业单位基本养老…);
 * flagged `code_read:`. Where the readings cannot be told apart, it is flagged `code_disputed`.
 */
export function mendCodesByTwins(records: AmountRecord[], ocrTables: ReadonlySet<number>, catalogs: Catalogs): void {
  const byTable = new Map<number, Line[]>();
  for (const [table, rows] of groupBy(records, (r) => r.tableIndex)) byTable.set(Number(table), linesOf(rows));
  const decisions: Array<{ line: Line; code: string | null; twins: Line[] }> = [];
  for (const table of ocrTables) {
    const lines = byTable.get(table) ?? [];
    const tree = treeOf(lines);
    lines.forEach((line, i) => {
      if (line.row[0]!.codeMethod !== 'printed') return;
      const placed = tree.placed(line.code);
      const found = [...byTable].filter(([t]) => t !== table).flatMap(([, ls]) => ls.filter((l) => twins(line, l, placed)));
      const others = new Set(found.map((l) => l.code));
      if (others.size !== 1) return;
      const other = [...others][0]!;
      if (!tree.fits(other, i)) return;
      decisions.push({ line, code: placed && !namesOther(line, other, catalogs) ? null : other, twins: found });
    });
  }
  // the mends first: a reading mended to its twin's is no longer disputed by it
  for (const { line, code } of decisions) if (code !== null) mend(line.row, code, line.code, catalogOf(code, catalogs).get(code) !== undefined);
  for (const { line, code, twins } of decisions) {
    if (code !== null || twins.every((t) => t.row[0]!.code === line.row[0]!.code)) continue;
    for (const r of line.row) if (!r.flags.includes('code_disputed')) r.flags.push('code_disputed');
  }
}

/** The line's label is unlike its own code's catalog name and, but for a character in four, the other code's. */
function namesOther(line: Line, other: string, catalogs: Catalogs): boolean {
  const own = catalogOf(line.code, catalogs).get(line.code)?.name;
  const theirs = catalogOf(other, catalogs).get(other)?.name;
  if (!own || !theirs) return false;
  const name = normalizeName(theirs);
  const off = distance(canonicalConfusable(line.name), canonicalConfusable(name));
  return nameSimilarity(line.name, normalizeName(own)) < NAME_UNLIKE && off <= Math.max(1, Math.floor(name.length * NAME_OFF_SHARE));
}
