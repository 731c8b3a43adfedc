import type { AmountRecord } from '@juesuan/model';
import { FEN_PER_UNIT } from '../amounts/parse-amount.ts';

/** target = Σ summands, within 0.01 of the printed unit per summand. */
export interface Identity {
  rule: string;
  target: AmountRecord;
  summands: AmountRecord[];
  descriptionZh: string;
  descriptionEn: string;
  /** one figure printed in two places: equal to the cent, no rounding between them */
  exact?: boolean;
}

export function tolerance(identity: Identity): number {
  if (identity.exact) return 0;
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

/** Whether sums print to the cent: false if one holds only within rounding, null if too few hold exactly to tell. */
function roundsNowhere(sums: Identity[]): boolean | null {
  if (sums.some((o) => holds(o) && !holdsExactly(o))) return false;
  return sums.filter((o) => holdsExactly(o)).length >= EXACT_EVIDENCE ? true : null;
}

/**
 * The identities that hold only within rounding where the printer rounded nowhere else: a cent
 * off there is rather a digit misread (heavy print's 5 read 6) than rounding. The other sums
 * (those sharing no cell with it) of its table tell; a table with too few exact sums to tell (an
 * income table of three) is told by the document's other sums, one producer's figures throughout,
 * but for those their own tables call misread.
 */
export function centOffWhereNoneRounds(all: Identity[]): Identity[] {
  const cells = (i: Identity) => [i.target, ...i.summands];
  const apart = (i: Identity) => all.filter((o) => !cells(o).some((c) => cells(i).includes(c)));
  const inTable = (i: Identity) => apart(i).filter((o) => o.target.tableIndex === i.target.tableIndex);
  const centOff = all.filter((i) => holds(i) && !holdsExactly(i));
  const tableSays = new Map(centOff.map((i) => [i, roundsNowhere(inTable(i))]));
  const byTable = new Set(centOff.filter((i) => tableSays.get(i) === true));
  const byDocument = new Set(centOff.filter((i) => tableSays.get(i) === null && roundsNowhere(apart(i).filter((o) => !byTable.has(o))) === true));
  return all.filter((i) => byTable.has(i) || byDocument.has(i));
}
