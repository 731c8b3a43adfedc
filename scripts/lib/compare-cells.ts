import type { AmountRecord } from '@juesuan/model';

/**
 * The record at the same place: same table kind and page, cell centres within 5 points (a grid
 * row read above the header, such as a unit line, shifts row numbers, not places), else the same
 * row and column of it (a page scanned askew moves cells more than a few points).
 */
export function sameCell(r: AmountRecord, candidates: AmountRecord[]): AmountRecord | undefined {
  if (!r.bbox) return undefined;
  const cx = (r.bbox.x0 + r.bbox.x1) / 2;
  const cy = (r.bbox.y0 + r.bbox.y1) / 2;
  const here = candidates.filter((o) => o.table === r.table && o.page === r.page && o.bbox);
  const near = (o: AmountRecord, d: number) => Math.abs((o.bbox!.x0 + o.bbox!.x1) / 2 - cx) < d && Math.abs((o.bbox!.y0 + o.bbox!.y1) / 2 - cy) < d;
  return here.find((o) => near(o, 5)) ?? here.find((o) => o.row === r.row && o.col === r.col && o.measure === r.measure && near(o, 30));
}

export interface CellComparison {
  amounts: number;
  equal: number;
  /** equal amounts that also carry the truth's measure and code: the value with its meaning */
  meaning: number;
  misses: Array<{ truth: AmountRecord; read: AmountRecord | undefined }>;
  /** equal amounts given another measure or code than the truth's, where the reading claims one (a wrong meaning, not a missing one) */
  wrongMeanings: Array<{ truth: AmountRecord; read: AmountRecord }>;
  extras: AmountRecord[];
}

/** A measure that says what the amount is: not a column no vocabulary knows (col:…) nor the bare fallback. */
const claimsMeasure = (m: string | null) => m !== null && m !== 'amount' && !m.includes('col:');

/** Cell by cell: how many of the truth's amounts the other reading reproduces exactly. */
export function compareByCell(truth: AmountRecord[], read: AmountRecord[]): CellComparison {
  const misses: CellComparison['misses'] = [];
  let equal = 0;
  let meaning = 0;
  const wrongMeanings: CellComparison['wrongMeanings'] = [];
  for (const r of truth) {
    const o = sameCell(r, read);
    if (o && o.amountFen === r.amountFen) {
      equal++;
      if (o.measure === r.measure && o.code === r.code) meaning++;
      else if ((o.measure !== r.measure && claimsMeasure(o.measure)) || (o.code !== r.code && o.code !== null)) wrongMeanings.push({ truth: r, read: o });
    } else misses.push({ truth: r, read: o });
  }
  return { amounts: truth.length, equal, meaning, misses, wrongMeanings, extras: read.filter((o) => !sameCell(o, truth)) };
}
