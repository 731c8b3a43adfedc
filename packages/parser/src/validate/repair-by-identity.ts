import type { AmountRecord } from '@juesuan/model';
import { normalizeNumberText, parseAmount } from '../amounts/parse-amount.ts';
import { buildIdentities } from './build-identities.ts';
import type { Identity } from './identities.ts';
import { holds } from './identities.ts';
import { oneDigitVariants } from './validate.ts';

interface Repair {
  cell: AmountRecord;
  printed: string;
  fen: number;
}

/** The one-digit changes of an OCR cell of a broken identity that make every identity it is part of hold. */
function repairsOf(broken: Identity, all: Identity[], ocr: (r: AmountRecord) => boolean): Repair[] {
  const out: Repair[] = [];
  for (const cell of [broken.target, ...broken.summands].filter(ocr)) {
    const touching = all.filter((i) => i.target === cell || i.summands.includes(cell));
    for (const variant of oneDigitVariants(cell.printed)) {
      const parsed = parseAmount(normalizeNumberText(variant), cell.unit);
      if (!parsed) continue;
      const value = (r: AmountRecord) => (r === cell ? parsed.fen : r.amountFen);
      if (touching.every((i) => holds(i, value))) out.push({ cell, printed: variant, fen: parsed.fen });
    }
  }
  return out;
}

/**
 * An identity an OCR reading breaks, mended by the only one-digit change of one of its OCR cells
 * that makes every identity the cell is part of hold (the digit the recogniser most likely
 * took for another): that reading wins, flagged `repaired_by_identity` with the first reading
 * kept in `read_as:`. Two or more ways to mend it, or none: nothing changes and validation
 * reports the break.
 */
export function repairOcrByIdentity(records: AmountRecord[], ocrTables: Set<number>): number {
  const ocr = (r: AmountRecord) => ocrTables.has(r.tableIndex) && !r.flags.includes('repaired_by_identity');
  let repaired = 0;
  // each repair can mend the next identity: again until nothing changes (bounded)
  for (let round = 0; round < 5; round++) {
    const all = buildIdentities(records);
    const broken = all.filter((i) => !holds(i) && [i.target, ...i.summands].some(ocr));
    let changed = false;
    for (const b of broken) {
      if (holds(b)) continue;
      const repairs = repairsOf(b, all, ocr);
      if (repairs.length !== 1) continue;
      const { cell, printed, fen } = repairs[0]!;
      cell.flags.push('repaired_by_identity', `read_as:${cell.printed}`);
      cell.printed = printed;
      cell.amountFen = fen;
      repaired++;
      changed = true;
    }
    if (!changed) break;
  }
  return repaired;
}
