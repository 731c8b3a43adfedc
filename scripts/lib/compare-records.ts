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
