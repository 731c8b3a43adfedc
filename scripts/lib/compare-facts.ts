import type { Fact } from '@juesuan/model';

/** A figure the narrative states, by what it is and its value: not by the words OCR read round it. */
const figureKey = (f: Fact) => `${f.name}|${f.amountFen ?? ''}|${f.percent ?? ''}|${f.value ?? ''}`;

/**
 * How many of the truth's narrative figures the reading states too, each counted once (the same
 * figure stated twice must be read twice), and how many figures the reading states in all.
 */
export function compareFacts(truth: Fact[], read: Fact[]): { facts: number; equal: number; read: number } {
  const left = new Map<string, number>();
  for (const f of read) left.set(figureKey(f), (left.get(figureKey(f)) ?? 0) + 1);
  let equal = 0;
  for (const f of truth) {
    const n = left.get(figureKey(f)) ?? 0;
    if (n === 0) continue;
    left.set(figureKey(f), n - 1);
    equal++;
  }
  return { facts: truth.length, equal, read: read.length };
}
