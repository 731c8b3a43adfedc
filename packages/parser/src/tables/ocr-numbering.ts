import type { AmountRecord } from '@juesuan/model';
import { ITEM_NUMBERING, chineseNumeral, numeralValue } from '@juesuan/model';
import { groupBy } from '../group-by.ts';
import { cleanLabel, isTotalLabel, labelKey } from './labels.ts';
import { flagWith } from '../flags.ts';

/** A top-level mark read: 四、 */
const TOP_MARK = /^([一二三四五六七八九十]+)、/;
/** What stands where a top-level mark was misread (井、 止、 E、) or dropped with specks left (“, .): one sign and 、, or punctuation. */
const MISREAD_MARK = /^(?:[^\s、（(\d一二三四五六七八九十其]、|[\p{P}\p{S}]+(?=[^\p{P}\p{S}（(]))/u;

/** A label that opens with a mark, read or misread. */
const MARKED = new RegExp(`${TOP_MARK.source}|${MISREAD_MARK.source}`, 'u');

/** A row that may be a top-level item: no sub-item mark (（一） 1.), no 其中, no total. */
const itemLike = (label: string) => !isTotalLabel(label) && !/^其中/.test(label) && (TOP_MARK.test(label) || !ITEM_NUMBERING.test(label));

/**
 * Top-level numbering OCR misread or lost (井、社会保障和就业支出, E、住房保障支出, “,舫公共服务支出)
 * put back from the items around it: in a run of item rows of one side (and group) whose read marks (two at
 * least) all stand at their places (四、 three rows after 一、), every other row takes the mark of
 * its place, flagged `label_read:` with the reading. Identities over the items then hold or fail.
 */
export function restoreNumberingByOrder(records: AmountRecord[], ocrTables: ReadonlySet<number>): void {
  const ocr = records.filter((r) => ocrTables.has(r.tableIndex) && r.label);
  for (const side of groupBy(ocr, (r) => `${r.tableIndex}|${r.side}|${r.group}`).values()) {
    const rows = [...groupBy(side, (r) => r.row).values()].sort((a, b) => a[0]!.row - b[0]!.row);
    let run: AmountRecord[][] = [];
    for (const row of [...rows, null]) {
      if (row && itemLike(cleanLabel(row[0]!.label!))) {
        run.push(row);
        continue;
      }
      renumber(run);
      run = [];
    }
  }
}

/** Read marks at one place (three at least) that are more than this many times those elsewhere place the run. */
const OUTVOTE = 2;

/**
 * The row before a run's 一、: where its read marks (two at least) agree, or three or more agree
 * and are more than twice the rest (a fax's 三 read 二 among 四、 六、 七、 in place); or, in a run
 * whose every row is marked (so every row is an item), where its first row reads 一、, the marks
 * after it disagreeing by a misread numeral (a fax's 二 read 一). A mark read stays as read.
 */
function placeOfFirst(run: AmountRecord[][], marked: boolean[]): number | null {
  const read = run.flatMap((recs) => {
    const mark = TOP_MARK.exec(cleanLabel(recs[0]!.label!));
    return mark ? [{ row: recs[0]!.row, offset: recs[0]!.row - numeralValue(mark[1]!) }] : [];
  });
  if (read.length < 2) return null;
  const votes = [...groupBy(read, (m) => m.offset).values()].map((ms) => ({ offset: ms[0]!.offset, n: ms.length })).sort((a, b) => b.n - a.n);
  const top = votes[0]!;
  if (votes.length === 1 || (top.n >= 3 && top.n > OUTVOTE * (read.length - top.n))) return top.offset;
  const first = read[0]!;
  return marked.every(Boolean) && first.row === run[0]![0]!.row && first.offset === first.row - 1 ? first.offset : null;
}

/** A run's rows numbered by place, when its read marks tell where 一、 stands. */
function renumber(run: AmountRecord[][]): void {
  // a row with no mark at all is an item only between marked ones (after the last, it may be a sub-item printed unmarked)
  const marked = run.map((recs) => MARKED.test(cleanLabel(recs[0]!.label!)));
  const offset = placeOfFirst(run, marked);
  if (offset === null) return;
  run.forEach((recs, k) => {
    const label = cleanLabel(recs[0]!.label!);
    const n = recs[0]!.row - offset;
    if (TOP_MARK.test(label) || n < 1 || n > 99) return;
    if (!marked[k] && !(marked.slice(0, k).includes(true) && marked.slice(k + 1).includes(true))) return;
    const name = label.replace(MISREAD_MARK, '');
    if (name.length < 2) return;
    for (const r of recs) {
      r.flags.push(flagWith('label_read', r.label));
      r.label = `${chineseNumeral(n)}、${name}`;
      r.labelKey = labelKey(r.label);
    }
  });
}
