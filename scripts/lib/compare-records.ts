/** Record comparison for the eval harness: exact records and a looser row-level score. */
export interface ComparableRecord {
  table: string;
  side: string | null;
  code: string | null;
  label: string | null;
  measure: string;
  amount_fen: number;
}

export interface Comparison {
  expected: number;
  found: number;
  matched: number;
  precision: number;
  recall: number;
  rowsExpected: number;
  rowsMatched: number;
  rowScore: number;
  misses: string[];
  extras: string[];
}

const rowKey = (r: ComparableRecord) => `${r.table}|${r.side ?? ''}|${r.code ?? r.label ?? ''}`;
const recordKey = (r: ComparableRecord) => `${rowKey(r)}|${r.measure}|${r.amount_fen}`;

function counts(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

function difference(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [k, n] of a) for (let i = 0; i < n - Math.min(n, b.get(k) ?? 0); i++) out.push(k);
  return out;
}

/** Multiset comparison: a record matches when table, row key (code, else label), measure and amount agree. */
export function compareRecords(expected: ComparableRecord[], found: ComparableRecord[]): Comparison {
  const e = counts(expected.map(recordKey));
  const f = counts(found.map(recordKey));
  let matched = 0;
  for (const [k, n] of e) matched += Math.min(n, f.get(k) ?? 0);
  // row level: the same amounts in the row, whatever the measures are called
  const rowsOf = (rs: ComparableRecord[]) => {
    const m = new Map<string, number[]>();
    for (const r of rs) m.set(rowKey(r), [...(m.get(rowKey(r)) ?? []), r.amount_fen]);
    return new Map([...m].map(([k, v]) => [k, v.sort((x, y) => x - y).join(',')]));
  };
  const er = rowsOf(expected);
  const fr = rowsOf(found);
  let rowsMatched = 0;
  for (const [k, v] of er) if (fr.get(k) === v) rowsMatched++;
  return {
    expected: expected.length,
    found: found.length,
    matched,
    precision: found.length === 0 ? (expected.length === 0 ? 1 : 0) : matched / found.length,
    recall: expected.length === 0 ? 1 : matched / expected.length,
    rowsExpected: er.size,
    rowsMatched,
    rowScore: er.size === 0 ? 1 : rowsMatched / er.size,
    misses: difference(e, f),
    extras: difference(f, e),
  };
}

const EXACT_FIELDS = ['table', 'page', 'side', 'code', 'label', 'measure', 'printed', 'unit', 'amount_fen'] as const;
const EXACT_OPTIONAL = ['class_code', 'parent', 'panel', 'code_printed'] as const;

/** A record reduced to what EXPECTED.md writes: its fields, the optional ones only when set. */
function exactKey(r: Record<string, unknown>): string {
  const parts: unknown[] = EXACT_FIELDS.map((f) => r[f] ?? null);
  for (const f of EXACT_OPTIONAL) if (r[f] !== undefined && r[f] !== null) parts.push(`${f}=${String(r[f])}`);
  return JSON.stringify(parts);
}

export interface ExactComparison {
  /** expected lines written identically, every field (printed string, page, panel …) */
  identical: number;
  /** the export lists the lines in the expected order */
  inOrder: boolean;
}

/** Whole-record comparison: as a multiset of identical lines, and as a sequence. */
export function compareExact(expected: Array<Record<string, unknown>>, exported: Array<Record<string, unknown>>): ExactComparison {
  const e = counts(expected.map(exactKey));
  const f = counts(exported.map(exactKey));
  let identical = 0;
  for (const [k, n] of e) identical += Math.min(n, f.get(k) ?? 0);
  const a = expected.map(exactKey);
  const b = exported.map(exactKey);
  return { identical, inOrder: a.length === b.length && a.every((k, i) => k === b[i]) };
}
