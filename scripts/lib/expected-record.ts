/**
 * The expected-record shape of the sample generators, and the generators' own reading of an
 * amount (independent of the parser under test, so the truth does not come from the code it checks).
 */
export interface ExpectedRecord {
  table: string;
  page: number | null;
  side: string | null;
  code: string | null;
  label: string | null;
  measure: string;
  printed: string;
  unit: string;
  amount_fen: number;
  class_code?: string;
  panel?: string;
}

const FEN: Record<string, bigint> = { 元: 100n, 万元: 1_000_000n };
const toAscii = (s: string) => s.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/．/g, '.').replace(/\s+/g, '');

export function expectedFen(printed: string, unit: string): number {
  const [i, f = ''] = toAscii(printed).replace(/,/g, '').split('.') as [string, string?];
  const digits = FEN[unit]!.toString().length - 1;
  return Number(BigInt(i) * FEN[unit]! + BigInt(f.padEnd(digits, '0').slice(0, digits) || '0'));
}

/**
 * EXPECTED.md's derived class_code: an expenditure-side 类 row of a two-sided table gets the code
 * of the 3-digit row of the same name (numbering removed) among the document's coded rows.
 */
export function withClassCodes(records: ExpectedRecord[]): ExpectedRecord[] {
  const classes = new Map<string, string>();
  for (const r of records) if (r.code?.length === 3 && r.label) classes.set(r.label, r.code);
  return records.map((r) => {
    if (!/\.(summary|fiscal_summary)$/.test(r.table) || r.side !== 'expenditure' || !r.label) return r;
    const code = classes.get(r.label.replace(/^[一二三四五六七八九十]+、/, ''));
    if (!code) return r;
    const { panel, ...rest } = r;
    return { ...rest, class_code: code, ...(panel ? { panel } : {}) };
  });
}

/** EXPECTED.md's order for a two-panel table: the whole left panel, then the right one. */
export function panelsInOrder(records: ExpectedRecord[]): ExpectedRecord[] {
  const out: ExpectedRecord[] = [];
  for (let i = 0; i < records.length; ) {
    let j = i;
    while (j < records.length && records[j]!.table === records[i]!.table) j++;
    const run = records.slice(i, j);
    const panels = [...new Set(run.map((r) => r.panel ?? ''))];
    out.push(...panels.flatMap((p) => run.filter((r) => (r.panel ?? '') === p)));
    i = j;
  }
  return out;
}

/** One document's expected records as JSON lines. */
export const toJsonl = (records: ExpectedRecord[]) => withClassCodes(panelsInOrder(records)).map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
