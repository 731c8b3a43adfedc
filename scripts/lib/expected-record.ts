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
  panel?: string;
}

const FEN: Record<string, bigint> = { 元: 100n, 万元: 1_000_000n };
const toAscii = (s: string) => s.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/．/g, '.').replace(/\s+/g, '');

export function expectedFen(printed: string, unit: string): number {
  const [i, f = ''] = toAscii(printed).replace(/,/g, '').split('.') as [string, string?];
  const digits = FEN[unit]!.toString().length - 1;
  return Number(BigInt(i) * FEN[unit]! + BigInt(f.padEnd(digits, '0').slice(0, digits) || '0'));
}

export const toJsonl = (records: ExpectedRecord[]) => records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
