import type { AmountRecord } from '@juesuan/model';
import { glyphCharsOf, strokePair } from '@juesuan/model';
import { normalizeNumberText, parseAmount } from '../amounts/parse-amount.ts';
import { buildIdentities } from './build-identities.ts';
import type { Identity } from './identities.ts';
import { centOffWhereNoneRounds, holds, holdsExactly } from './identities.ts';
import { oneDigitVariants } from './validate.ts';
import { flagOneDigitTwins } from './one-digit-twins.ts';
import { readingLattice } from './reading-lattice.ts';
import { amountUnsure, flagWith } from '../flags.ts';
import { choices, subsets } from '../choices.ts';

interface Repair {
  cell: AmountRecord;
  printed: string;
  fen: number;
  /** cells of its row that a held identity makes the same value: read again with it */
  twins: AmountRecord[];
  /** a digit changed by guess, not a reading of the image */
  guess?: boolean;
}

/** The identities a cell is part of. */
const touchingOf = (cell: AmountRecord, all: Identity[]) => all.filter((i) => i.target === cell || i.summands.includes(cell));

/**
 * The cells that a held identity makes one value with a cell: in its row (合计 = 一般公共预算 where
 * the row has no other part), the same print read alike, so a reading of one is the reading of
 * both; and the same figure printed in another table (an exact identity), read alike, so misread
 * alike (468.37 read 168.37 in three tables): a reading of one is the value of both.
 */
function twinsOf(cell: AmountRecord, all: Identity[]): AmountRecord[] {
  const twins = new Set<AmountRecord>();
  // the same figure's prints, table to table (the 机关运行经费 table's through the basic table's to the 财政拨款 one's)
  const queue = [cell];
  for (let c = queue.pop(); c; c = queue.pop()) {
    for (const i of touchingOf(c, all).filter((x) => x.summands.length === 1 && holdsExactly(x))) {
      const other = i.target === c ? i.summands[0]! : i.target;
      if (other === cell || twins.has(other)) continue;
      const sameRow = c === cell && other.tableIndex === cell.tableIndex && other.row === cell.row;
      if (i.exact || sameRow) twins.add(other);
      if (i.exact) queue.push(other);
    }
  }
  return [...twins];
}

/** A reading of a cell in 分, or undefined when it is no amount. */
const fenOf = (reading: string, cell: AmountRecord) => parseAmount(normalizeNumberText(reading), cell.unit)?.fen;

/**
 * A figure printed over its one item in the same table (会议费 over 会议服务, both 200.44 read 200.14),
 * with the values the image gave it: the item, or the figure, takes a reading of the cell only where
 * it was read so too.
 */
function onlyItemOf(cell: AmountRecord, all: Identity[]): Array<{ other: AmountRecord; read: Set<number | undefined> }> {
  return touchingOf(cell, all)
    .filter((i) => i.summands.length === 1 && holdsExactly(i))
    .map((i) => (i.target === cell ? i.summands[0]! : i.target))
    .filter((other) => other.tableIndex === cell.tableIndex)
    .map((other) => ({ other, read: new Set((other.alternatives ?? []).map((a) => fenOf(a, other))) }));
}

/** The values with a repair made: the cell and its twins take its reading. */
const valueWith = ({ cell, fen, twins }: Pick<Repair, 'cell' | 'fen' | 'twins'>) => (r: AmountRecord) => (r === cell || twins.includes(r) ? fen : r.amountFen);

/** The identities a repair changes a cell of. */
const touchedBy = ({ cell, twins }: Pick<Repair, 'cell' | 'twins'>, all: Identity[]) => [...new Set([cell, ...twins].flatMap((c) => touchingOf(c, all)))];

/**
 * Readings of a cell that fit, one a value. `all hold`: every identity the cell is part of holds
 * with it, and one that held to the cent still does. `within rounding`: every one holds, to the
 * cent or not (a reading that unsettles the value). `mends` (for readings OCR made of the image):
 * it mends a broken identity and breaks none that held (none that held to the cent is left only
 * within rounding), so an identity broken for another reason (a row it lost to a misread label)
 * does not veto it.
 */
function fitting(cell: AmountRecord, readings: string[], all: Identity[], test: 'all hold' | 'within rounding' | 'mends' = 'all hold'): Repair[] {
  const twins = twinsOf(cell, all);
  const items = onlyItemOf(cell, all);
  const out: Repair[] = [];
  for (const reading of readings) {
    const fen = fenOf(reading, cell);
    if (fen === undefined || out.some((r) => r.fen === fen)) continue;
    const alike = [...new Set([...twins, ...items.filter((x) => x.read.has(fen)).map((x) => x.other)])];
    const touching = touchedBy({ cell, twins: alike }, all);
    const held = touching.filter((i) => holds(i));
    const value = valueWith({ cell, fen, twins: alike });
    // a sum that holds to the cent vouches for its cells: a reading leaving it only within rounding is a misread (1.04 read 1.01 in one of two tables)
    const keeps = (i: Identity) => holds(i, value) && (!holdsExactly(i) || holdsExactly(i, value));
    const fits =
      test === 'mends' ? held.every(keeps) && touching.some((i) => !held.includes(i) && holds(i, value)) : touching.every((i) => holds(i, value)) && (test === 'within rounding' || held.every(keeps));
    if (fits) out.push({ cell, printed: reading, fen, twins: alike });
  }
  return out;
}

/** The readings OCR made of a cell (a closer look, another segmentation, runner-up digits, the looks of a second reading), and those digits mixed. */
function readingsOf(cell: AmountRecord): { read: string[]; mixed: string[] } {
  const read = cell.alternatives ?? [];
  return { read, mixed: readingLattice(cell.printed, read) };
}

/**
 * The readings of the OCR cells of a broken identity that mend it: those OCR made need mend it and
 * break nothing; mixes of their digits, made by no look at the image, must make every identity hold.
 */
const readAgain = (broken: Identity, all: Identity[], ocr: (r: AmountRecord) => boolean): Repair[] =>
  [broken.target, ...broken.summands].filter(ocr).flatMap((cell) => {
    const { read, mixed } = readingsOf(cell);
    // it must mend this sum: one mending only another sum of the cell is that sum's to choose (or leave, if undecided)
    const made = fitting(cell, read, all, 'mends').filter((r) => holds(broken, valueWith(r)));
    return [...made, ...fitting(cell, mixed, all).filter((m) => !made.some((r) => r.fen === m.fen))];
  });

/**
 * Of several readings from the image (OCR's, or mixes of their digits), or one-digit guesses, that mend a broken sum
 * alike, the only one with which that sum holds to the cent, in a table whose sums that hold all
 * hold to the cent: there a cent off is a misread digit, not the printer's rounding (4,968.31
 * against 4,968.34). Else all of them, to be left undecided.
 */
function toTheCent(repairs: Repair[], broken: Identity, all: Identity[]): Repair[] {
  if (repairs.length < 2) return repairs;
  const table = all.filter((i) => i.target.tableIndex === broken.target.tableIndex);
  if (table.some((i) => holds(i) && !holdsExactly(i))) return repairs;
  // readings that mend different sums differ in more than the cent: that is for validation to report
  const mended = (r: Repair) => touchingOf(r.cell, all).filter((i) => i !== broken && holds(i, valueWith(r))).map((i) => all.indexOf(i)).join();
  if (new Set(repairs.map(mended)).size > 1) return repairs;
  const exact = repairs.filter((r) => holdsExactly(broken, valueWith(r)));
  return exact.length === 1 ? exact : repairs;
}

/** An amount read with a decimal too many (219.149: a stroke read as a digit) without each of its decimals in turn, two left. */
export function withoutExtraDecimal(printed: string): string[] {
  const m = /^(.*\.)(\d{3})(\)?)$/.exec(printed);
  return m ? [...new Set([0, 1, 2].map((k) => m[1]! + m[2]!.slice(0, k) + m[2]!.slice(k + 1) + m[3]!))] : [];
}

/**
 * The one-digit changes (or, with three decimals, one dropped) of an OCR cell of a broken identity
 * that make every identity it is part of hold, and that the cell's glyphs do not gainsay.
 */
const oneDigitOff = (broken: Identity, all: Identity[], ocr: (r: AmountRecord) => boolean): Repair[] =>
  [broken.target, ...broken.summands]
    .filter(ocr)
    .flatMap((cell) => fitting(cell, [...oneDigitVariants(cell.printed), ...withoutExtraDecimal(cell.printed)], all).map((r) => ({ ...r, guess: true })))
    .filter(likeItsGlyphs);

/** A digit the document's own digits find this much less like its glyph than the digit read is no misread of that glyph. */
const UNLIKE_GLYPH = 0.15;

/**
 * Whether the cell's glyphs allow a guess: each digit it changes at least nearly as like the glyph
 * as the digit read, where the document's digits saw the cell glyph for glyph (50.00's plain 5 is
 * no 2; 371.92's 3 no 6). A digit print turns into another by lost or run-together strokes (a
 * fax's 4 read 1, likest a 1 to the document's digits too) they have no say on; nor without glyphs.
 */
function likeItsGlyphs(repair: Pick<Repair, 'cell' | 'printed'>): boolean {
  const likeness = repair.cell.digitLikeness;
  const [now, was] = [glyphCharsOf(repair.printed), glyphCharsOf(repair.cell.printed)];
  if (!likeness || now.length !== likeness.length || was.length !== likeness.length) return true;
  return now.every((d, k) => {
    const seen = likeness[k];
    return d === was[k] || !seen || !/\d/.test(d) || !/\d/.test(was[k]!) || strokePair(d, was[k]!) || seen[Number(d)]! >= seen[Number(was[k])]! - UNLIKE_GLYPH;
  });
}

/**
 * Whether a guessed digit leaves every sum that shares a cell with the broken one holding: one that
 * still fails (302 = Σ its items under a 合计 = Σ 类 mended by its total) says the misread lies there,
 * and the guess would only make the total agree with it. The guess waits for that sum's own repair.
 */
function settles(repair: Repair, broken: Identity, all: Identity[]): boolean {
  if (!repair.guess) return true;
  const near = new Set([broken.target, ...broken.summands].flatMap((c) => touchingOf(c, all)));
  return [...near].every((i) => holds(i, valueWith(repair)));
}

/** How many broken identities hold with the repair. */
function mendedBy(repair: Repair, all: Identity[]): number {
  return touchedBy(repair, all).filter((i) => !holds(i) && holds(i, valueWith(repair))).length;
}

/** Measures that name a line's whole amount, alike from table to table. */
const WHOLE_OF_LINE = new Set(['amount', 'total']);

/**
 * Whether another table prints the repaired line (its code) with the repair's value: a second print of
 * that line, read apart from this one, says the same figure (2040501's 14,857.61 in the 一般公共预算
 * table where the 财政拨款 table's was read 15,857.61).
 */
function witnessed(repair: Repair, records: AmountRecord[]): boolean {
  const { cell, fen } = repair;
  if (!cell.code || !WHOLE_OF_LINE.has(cell.measure)) return false;
  return records.some((r) => r.tableIndex !== cell.tableIndex && r.code === cell.code && WHOLE_OF_LINE.has(r.measure) && r.amountFen === fen);
}

/**
 * The one guess, no reading of the image, that another table's print of its line says; else null.
 * Readings already come first: the print lets a guess stand against them (a crop that lost a leading 1).
 */
function onlyWitnessedGuess(readings: Repair[], guesses: Repair[], records: AmountRecord[]): Repair | null {
  const said = guesses.filter((g) => !readings.some((r) => r.cell === g.cell && r.fen === g.fen) && witnessed(g, records));
  return said.length === 1 ? said[0]! : null;
}

/**
 * The image's readings, unless one one-digit change mends more broken sums than any other change
 * (221 = 22102 and 22102 = Σ its items both mended by 22102's 1 read for 4, where 221's other
 * reading would mend only the first, and the second then by a wrong reading of an item).
 */
function preferred(readings: Repair[], guesses: Repair[], all: Identity[]): Repair[] {
  const mended = guesses.map((g) => mendedBy(g, all));
  const most = Math.max(0, ...mended);
  const best = guesses.filter((_, k) => mended[k] === most);
  if (best.length === 1 && most > Math.max(0, ...readings.map((r) => mendedBy(r, all)))) return best;
  return readings.length > 0 ? readings : guesses;
}

/**
 * An identity an OCR reading breaks, mended by the only reading of one of its OCR cells that
 * fits: first among the other readings OCR made of the image (which need mend it and break no
 * identity that held) and the mixes of their digits, then among one-digit changes (the digit the
 * recogniser most likely took for another; these must make every identity of the cell hold). That reading wins, flagged `repaired_by_identity` with the first reading kept in
 * `read_as:`. Two or more ways to mend it (of the image's readings, two that hold to the cent), or none:
 * nothing changes and validation reports the break. Last, an OCR value with other readings that no identity confirms is flagged
 * `low_confidence`: it may be any of them.
 */
export function repairOcrByIdentity(records: AmountRecord[], ocrTables: Set<number>): number {
  const ocr = (r: AmountRecord) => ocrTables.has(r.tableIndex) && !r.flags.includes('repaired_by_identity');
  let repaired = 0;
  // each repair can mend the next identity: again until nothing changes (bounded)
  for (let round = 0; round < 5; round++) {
    const all = buildIdentities(records, ocrTables);
    const broken = all.filter((i) => !holds(i) && [i.target, ...i.summands].some(ocr));
    let changed = false;
    for (const b of broken) {
      if (holds(b)) continue;
      const found = readAgain(b, all, ocr);
      const [readings, guesses] = [found.length > 0 ? toTheCent(found, b, all) : [], toTheCent(oneDigitOff(b, all, ocr), b, all)];
      // the guess another table's print says, where it settles the sums; else the image's and the guesses' own say
      const said = onlyWitnessedGuess(readings, guesses, records);
      const repairs = said && settles(said, b, all) ? [said] : preferred(readings, guesses, all);
      if (repairs.length !== 1 || !settles(repairs[0]!, b, all)) continue;
      repaired += applyRepair(repairs[0]!);
      changed = true;
    }
    // one reading at a time mends nothing more: the document's digits may, several cells of a sum at once
    const byDigits = changed ? 0 : mendByDigits(records, ocrTables, ocr);
    repaired += byDigits;
    if (!changed && byDigits === 0) break;
  }
  repaired += mendTwoMisread(records, ocrTables, ocr);
  repaired += mendThreeMisread(records, ocrTables, ocr);
  repaired += mendCentOff(records, ocrTables, ocr);
  // flags only from here on: the identities stay as they are
  const all = buildIdentities(records, ocrTables);
  flagUnconfirmed(records, ocrTables, all);
  flagOneDigitTwins(records, ocrTables, (r, others) => confirmed(r, others, all));
  return repaired;
}

/** The cell and its twins take the reading, flagged with the first reading kept; how many cells changed. */
function applyRepair({ cell, printed, fen, twins }: Repair): number {
  for (const c of [cell, ...twins]) {
    c.flags.push('repaired_by_identity', flagWith('read_as', c.printed));
    c.printed = printed;
    c.amountFen = fen;
  }
  return 1 + twins.length;
}

/**
 * The readings the image gave of a cell with which `sum` holds to the cent, and every sum of the
 * cell that held still holds as it did (to the cent where it did).
 */
function toTheCentReadings(cell: AmountRecord, sum: Identity, all: Identity[]): Repair[] {
  const touching = touchedBy({ cell, twins: twinsOf(cell, all) }, all);
  return readingRepairs(cell, all).filter((r) => {
    const value = valueWith(r);
    return touching.every((i) => (!holds(i) || holds(i, value)) && (!holdsExactly(i) || holdsExactly(i, value))) && holdsExactly(sum, value);
  });
}

/**
 * A sum a cent off where the printer rounds nowhere else (centOffWhereNoneRounds) is a digit
 * misread: mended by the only reading the image gave of one of its OCR cells that makes it hold
 * to the cent (heavy print's 20,702.26 read again with thinner strokes: 20,702.25). None, or
 * two: it stays, and its finding says to check the page.
 */
function mendCentOff(records: AmountRecord[], ocrTables: Set<number>, ocr: (r: AmountRecord) => boolean): number {
  const all = buildIdentities(records, ocrTables);
  let repaired = 0;
  for (const sum of centOffWhereNoneRounds(all)) {
    if (holdsExactly(sum)) continue; // mended with an earlier one
    const repairs = [sum.target, ...sum.summands].filter(ocr).flatMap((cell) => toTheCentReadings(cell, sum, all));
    if (repairs.length === 1) repaired += applyRepair(repairs[0]!);
  }
  return repaired;
}

/** An image's reading of a cell as a repair (with its twins), when it parses and differs from the value. */
function readingRepairs(cell: AmountRecord, all: Identity[]): Repair[] {
  const twins = twinsOf(cell, all);
  const out: Repair[] = [];
  for (const printed of cell.alternatives ?? []) {
    const fen = fenOf(printed, cell);
    if (fen !== undefined && fen !== cell.amountFen && !out.some((r) => r.fen === fen)) out.push({ cell, printed, fen, twins });
  }
  return out;
}

/**
 * Cells of a sum read more than one way among which a pair is sought: among more (a fax's column
 * of misreads), some pair holds the sum to the cent by chance as often as by right (measured: a
 * fax's 302 sum, seven such cells, took 20.00 for 50.00 beside a right 411.20).
 */
const PAIR_AMONG_AT_MOST = 3;

/**
 * Cells read more than one way among which three misreads are sought, with every pair among them
 * too: the triple is taken only where no other triple, nor any pair, mends the sum as well.
 */
const TRIPLE_AMONG_AT_MOST = 5;

/** The values with a set of repairs made; null when two of them change one cell (a twin of both). */
function valueWithAll(repairs: Repair[]): ((r: AmountRecord) => number) | null {
  const fen = new Map(repairs.flatMap((r) => [r.cell, ...r.twins].map((c): [AmountRecord, number] => [c, r.fen])));
  if (fen.size !== repairs.reduce((n, r) => n + 1 + r.twins.length, 0)) return null;
  return (r) => fen.get(r) ?? r.amountFen;
}

/**
 * Sets of readings (one a cell, `sizes` cells) of a broken sum's OCR cells with which it holds to
 * the cent, and every other sum of theirs holds (to the cent where it did); none where more than
 * `among` of its cells were read more than one way.
 */
function setsMending(sum: Identity, all: Identity[], ocr: (r: AmountRecord) => boolean, sizes: number[], among: number): Repair[][] {
  const options = [sum.target, ...sum.summands]
    .filter(ocr)
    .map((cell) => readingRepairs(cell, all))
    .filter((readings) => readings.length > 0)
    // a cell's readings share its twins: the identities one touches are every one's
    .map((readings) => ({ touching: touchedBy(readings[0]!, all), readings }));
  if (options.length > among) return [];
  const out: Repair[][] = [];
  for (const chosen of sizes.flatMap((size) => choices(options, size))) {
    const touching = [...new Set(chosen.flatMap((o) => o.touching))].filter((i) => i !== sum);
    for (const repairs of chosen.reduce<Repair[][]>((sets, o) => sets.flatMap((set) => o.readings.map((r) => [...set, r])), [[]])) {
      const value = valueWithAll(repairs);
      // every other sum of the cells must hold with the set: the sum alone is weak evidence for several guesses at once
      if (value && holdsExactly(sum, value) && touching.every((i) => holds(i, value) && (!holdsExactly(i) || holdsExactly(i, value)))) out.push(repairs);
    }
  }
  return out;
}

/**
 * A sum two misread cells break (a seal or heavy print over two amounts of one column: 2,752.80
 * read 2,762.80 and 572.56 read 672.56), that no one reading mends: mended by the only pair of the
 * image's readings of two of its OCR cells that makes it hold to the cent. None or several: it stays.
 */
const mendTwoMisread = (records: AmountRecord[], ocrTables: Set<number>, ocr: (r: AmountRecord) => boolean): number =>
  mendEachBroken(records, ocrTables, (sum, all) => setsMending(sum, all, ocr, [2], PAIR_AMONG_AT_MOST));

/**
 * A sum three misread cells break (a fax's 428.36, 47.50 and 580.00 read 128.36, 47.20 and 280.00
 * in one 类), each with the right reading among its others: mended by the only set of three
 * readings that makes it hold to the cent, where no pair does either. None or several: it stays.
 */
const mendThreeMisread = (records: AmountRecord[], ocrTables: Set<number>, ocr: (r: AmountRecord) => boolean): number =>
  mendEachBroken(records, ocrTables, (sum, all) => {
    const sets = setsMending(sum, all, ocr, [2, 3], TRIPLE_AMONG_AT_MOST);
    // a pair alone among more than PAIR_AMONG_AT_MOST cells is no evidence: it only vetoes
    return sets.length === 1 && sets[0]!.length === 3 ? sets : [];
  });

/** Each broken sum mended by the one set of repairs that mends it (none or several: it stays); how many cells changed. */
function mendEachBroken(records: AmountRecord[], ocrTables: Set<number>, mending: (sum: Identity, all: Identity[]) => Repair[][]): number {
  const all = buildIdentities(records, ocrTables);
  let repaired = 0;
  for (const sum of all.filter((i) => !holds(i))) {
    if (holds(sum)) continue; // mended with an earlier one
    const sets = mending(sum, all);
    if (sets.length === 1) for (const r of sets[0]!) repaired += applyRepair(r);
  }
  return repaired;
}

/** Cells of a sum read by the document's digits, of which every subset is tried: 2^8 at most. */
const DIGITS_AMONG_AT_MOST = 8;

/** The document's digits' reading of a cell as a repair, where it differs from the value. */
function digitsRepair(cell: AmountRecord, all: Identity[]): Repair | null {
  const fen = cell.digitsRead === undefined ? undefined : fenOf(cell.digitsRead, cell);
  return fen !== undefined && fen !== cell.amountFen ? { cell, printed: cell.digitsRead!, fen, twins: twinsOf(cell, all) } : null;
}

/**
 * The subsets (two cells at least) of the digits' readings of a sum's cells with which it holds to
 * the cent, and every other sum of those cells holds as it did (to the cent where it did).
 */
function digitsSubsetsMending(sum: Identity, all: Identity[], ocr: (r: AmountRecord) => boolean): Repair[][] {
  const cells = [sum.target, ...sum.summands];
  // a 类 of one 款 prints the 款's amount again: misread alike, they are read again together
  const repeated = cells.flatMap((c) => touchingOf(c, all).filter((i) => i.summands.length === 1 && holdsExactly(i)).map((i) => (i.target === c ? i.summands[0]! : i.target)));
  const repairs = [...new Set([...cells, ...repeated])].filter(ocr).flatMap((c) => digitsRepair(c, all) ?? []);
  if (repairs.length < 2 || repairs.length > DIGITS_AMONG_AT_MOST) return [];
  const out: Repair[][] = [];
  for (const chosen of subsets(repairs, 2)) {
    const value = valueWithAll(chosen);
    if (!value) continue;
    const touching = [...new Set(chosen.flatMap((r) => touchedBy(r, all)))].filter((i) => i !== sum);
    if (holdsExactly(sum, value) && touching.every((i) => (!holds(i) || holds(i, value)) && (!holdsExactly(i) || holdsExactly(i, value)))) out.push(chosen);
  }
  return out;
}

/**
 * A sum several misread cells break (a fax's 4s read 1 down a column), that no one reading nor
 * pair mends: where the document's own digits read two or more of its cells (or of the cells that
 * repeat them, when read too) otherwise, and exactly one set of those readings makes it hold to the
 * cent breaking no sum that held, that set is taken (`repaired_by_identity` on each). On such a
 * scan the digits read right most amounts OCR misread, but misread a few that sums confirm as OCR
 * read them (seen on a fax), so the sum must hold.
 */
const mendByDigits = (records: AmountRecord[], ocrTables: Set<number>, ocr: (r: AmountRecord) => boolean): number =>
  mendEachBroken(records, ocrTables, (sum, all) => digitsSubsetsMending(sum, all, ocr));

/**
 * OCR values read more than one way that no identity confirms: flagged, not trusted silently. An
 * identity holding confirms a reading only when it rules the other readings out: a sum holds
 * within a cent a summand, so a last digit read 6 for 5 is confirmed by nothing.
 */
function flagUnconfirmed(records: AmountRecord[], ocrTables: Set<number>, all: Identity[]): void {
  for (const r of records) {
    if (!ocrTables.has(r.tableIndex) || !r.alternatives?.length) continue;
    if (amountUnsure(r.flags)) continue;
    if (!confirmed(r, Object.values(readingsOf(r)).flat(), all)) r.flags.push('low_confidence');
  }
}

/** Whether an identity holding takes this cell's reading and every other reading of it fails one. */
export function confirmed(cell: AmountRecord, others: string[], all: Identity[]): boolean {
  const touching = touchingOf(cell, all);
  if (!touching.some((i) => holds(i))) return false;
  // a reading any sum would take within its rounding leaves the value unsure
  return fitting(cell, others, all, 'within rounding').every((r) => r.fen === cell.amountFen);
}
