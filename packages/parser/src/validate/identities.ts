import type { AmountRecord } from '@juesuan/model';
import { FEN_PER_UNIT } from '../amounts/parse-amount.ts';

/** target = Σ summands, within 0.01 of the printed unit per summand. */
export interface Identity {
  rule: string;
  target: AmountRecord;
  summands: AmountRecord[];
  descriptionZh: string;
  descriptionEn: string;
}

export function tolerance(identity: Identity): number {
  const unit = identity.target.unit;
  const step = Number((FEN_PER_UNIT[unit] ?? 100n) / 100n);
  return step * Math.max(1, identity.summands.length);
}

/** How far the target is from the sum of its summands, in fen. */
function gap(identity: Identity, value: (r: AmountRecord) => number): number {
  return Math.abs(value(identity.target) - identity.summands.reduce((s, r) => s + value(r), 0));
}

export function holds(identity: Identity, value: (r: AmountRecord) => number = (r) => r.amountFen): boolean {
  return gap(identity, value) <= tolerance(identity);
}

/** target = Σ summands to the cent, no rounding allowed. */
export function holdsExactly(identity: Identity, value: (r: AmountRecord) => number = (r) => r.amountFen): boolean {
  return gap(identity, value) === 0;
}

/** Exact sums a table needs, besides, before a cent off in one of its sums is taken for a misread digit. */
export const EXACT_EVIDENCE = 2;

/**
 * The identities that hold only within rounding in a table whose other sums (those sharing no
 * cell with it) all hold to the cent, EXACT_EVIDENCE or more of them: there the printer rounded
 * nowhere, and a cent off is rather a digit misread (heavy print's 5 read 6) than rounding.
 */
export function centOffWhereNoneRounds(all: Identity[]): Identity[] {
  const cells = (i: Identity) => [i.target, ...i.summands];
  return all.filter((i) => {
    if (!holds(i) || holdsExactly(i)) return false;
    const mine = new Set(cells(i));
    const others = all.filter((o) => o.target.tableIndex === i.target.tableIndex && !cells(o).some((c) => mine.has(c)));
    return others.every((o) => !holds(o) || holdsExactly(o)) && others.filter((o) => holdsExactly(o)).length >= EXACT_EVIDENCE;
  });
}
