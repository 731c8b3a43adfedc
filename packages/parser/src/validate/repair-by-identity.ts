import type { AmountRecord } from '@juesuan/model';
import { normalizeNumberText, parseAmount } from '../amounts/parse-amount.ts';
import { buildIdentities } from './build-identities.ts';
import type { Identity } from './identities.ts';
import { holds } from './identities.ts';
import { oneDigitVariants } from './validate.ts';
import { flagOneDigitTwins } from './one-digit-twins.ts';
import { readingLattice } from './reading-lattice.ts';

interface Repair {
  cell: AmountRecord;
  printed: string;
  fen: number;
}

/**
 * Readings of a cell that make every identity it is part of hold, one a value. A reading OCR
 * found on the image (`mends`) need only mend a broken identity and break none that held: an
 * identity broken for another reason (a row it lost to a misread label) does not veto it.
 */
function fitting(cell: AmountRecord, readings: string[], all: Identity[], test: 'all hold' | 'mends' = 'all hold'): Repair[] {
  const touching = all.filter((i) => i.target === cell || i.summands.includes(cell));
  const held = touching.filter((i) => holds(i));
  const out: Repair[] = [];
  for (const reading of readings) {
    const parsed = parseAmount(normalizeNumberText(reading), cell.unit);
    if (!parsed || out.some((r) => r.fen === parsed.fen)) continue;
    const value = (r: AmountRecord) => (r === cell ? parsed.fen : r.amountFen);
    const fits = test === 'all hold' ? touching.every((i) => holds(i, value)) : held.every((i) => holds(i, value)) && touching.some((i) => !held.includes(i) && holds(i, value));
    if (fits) out.push({ cell, printed: reading, fen: parsed.fen });
  }
  return out;
}

/** The readings OCR offered for a cell (a closer look, another segmentation, runner-up digits), and their digits mixed. */
function otherReadings(cell: AmountRecord): string[] {
  const given = cell.alternatives ?? [];
  return [...given, ...readingLattice(cell.printed, given)];
}

/** The other readings of the OCR cells of a broken identity that mend it. */
const readAgain = (broken: Identity, all: Identity[], ocr: (r: AmountRecord) => boolean): Repair[] =>
  [broken.target, ...broken.summands].filter(ocr).flatMap((cell) => fitting(cell, otherReadings(cell), all, 'mends'));

/** The one-digit changes of an OCR cell of a broken identity that make every identity it is part of hold. */
const oneDigitOff = (broken: Identity, all: Identity[], ocr: (r: AmountRecord) => boolean): Repair[] =>
  [broken.target, ...broken.summands].filter(ocr).flatMap((cell) => fitting(cell, oneDigitVariants(cell.printed), all));

/**
 * An identity an OCR reading breaks, mended by the only reading of one of its OCR cells that
 * makes every identity the cell is part of hold: first among the other readings OCR found on
 * the image, then among one-digit changes (the digit the recogniser most likely took for
 * another). That reading wins, flagged `repaired_by_identity` with the first reading kept in
 * `read_as:`. Two or more ways to mend it, or none: nothing changes and validation reports the
 * break. Last, an OCR value with other readings that no identity confirms is flagged
 * `low_confidence`: it may be any of them.
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
      const found = readAgain(b, all, ocr);
      const repairs = found.length > 0 ? found : oneDigitOff(b, all, ocr);
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
  // flags only from here on: the identities stay as they are
  const all = buildIdentities(records);
  flagUnconfirmed(records, ocrTables, all);
  flagOneDigitTwins(records, ocrTables, (r, others) => confirmed(r, others, all));
  return repaired;
}

/**
 * OCR values read more than one way that no identity confirms: flagged, not trusted silently. An
 * identity holding confirms a reading only when it rules the other readings out: a sum holds
 * within a cent a summand, so a last digit read 6 for 5 is confirmed by nothing.
 */
function flagUnconfirmed(records: AmountRecord[], ocrTables: Set<number>, all: Identity[]): void {
  for (const r of records) {
    if (!ocrTables.has(r.tableIndex) || !r.alternatives?.length) continue;
    if (r.flags.includes('low_confidence') || r.flags.includes('repaired_by_identity')) continue;
    if (!confirmed(r, otherReadings(r), all)) r.flags.push('low_confidence');
  }
}

/** Whether an identity holding takes this cell's reading and every other reading of it fails one. */
export function confirmed(cell: AmountRecord, others: string[], all: Identity[]): boolean {
  const touching = all.filter((i) => i.target === cell || i.summands.includes(cell));
  if (!touching.some((i) => holds(i))) return false;
  return fitting(cell, others, all).every((r) => r.fen === cell.amountFen);
}
