import { FEN_PER_UNIT, parseAmount } from '../amounts/parse-amount.ts';

/** An amount a sentence states, with the words that lead up to it. */
export interface StatedAmount {
  fen: number;
  printed: string;
  unit: string;
  /** decimals printed: the rounding the amount carries */
  decimals: number;
  index: number;
  end: number;
  /** the text since the previous amount (or the sentence start) */
  lead: string;
}

export interface StatedPercent {
  value: number;
  decimals: number;
  index: number;
  end: number;
  lead: string;
}

const AMOUNT = /(-?\d[\d,]*(?:\.\d+)?)(万元|亿元|千元|元)/g;
const PERCENT = /(\d+(?:\.\d+)?)[%％]/g;

export function statedAmounts(sentence: string): StatedAmount[] {
  const out: StatedAmount[] = [];
  let prev = 0;
  for (const m of sentence.matchAll(AMOUNT)) {
    const parsed = parseAmount(m[1]!, m[2]!);
    if (!parsed) continue;
    out.push({ fen: parsed.fen, printed: m[1]!, unit: m[2]!, decimals: m[1]!.split('.')[1]?.length ?? 0, index: m.index!, end: m.index! + m[0].length, lead: sentence.slice(prev, m.index!) });
    prev = m.index! + m[0].length;
  }
  return out;
}

export function statedPercents(sentence: string): StatedPercent[] {
  const out: StatedPercent[] = [];
  let prev = 0;
  for (const m of sentence.matchAll(PERCENT)) {
    out.push({ value: Number(m[1]), decimals: m[1]!.split('.')[1]?.length ?? 0, index: m.index!, end: m.index! + m[0].length, lead: sentence.slice(prev, m.index!) });
    prev = m.index! + m[0].length;
  }
  return out;
}

/** Half a unit of the last printed decimal, in 分, for each of the amounts: what rounding may move. */
export function roundingFen(...amounts: StatedAmount[]): number {
  return amounts.reduce((s, a) => s + Math.ceil((Number(FEN_PER_UNIT[a.unit] ?? 100n) * 10 ** -a.decimals) / 2), 0);
}

export const yuan = (a: StatedAmount) => `${a.printed}${a.unit}`;
