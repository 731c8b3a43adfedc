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
