import type { AmountRecord } from '@juesuan/model';

/** The record at the same place: same table kind and page, cell centres within 5 points. */
export function sameCell(r: AmountRecord, candidates: AmountRecord[]): AmountRecord | undefined {
  if (!r.bbox) return undefined;
  const cx = (r.bbox.x0 + r.bbox.x1) / 2;
  const cy = (r.bbox.y0 + r.bbox.y1) / 2;
  return candidates.find((o) => o.table === r.table && o.page === r.page && o.bbox && Math.abs((o.bbox.x0 + o.bbox.x1) / 2 - cx) < 5 && Math.abs((o.bbox.y0 + o.bbox.y1) / 2 - cy) < 5);
}

export interface CellComparison {
  amounts: number;
  equal: number;
  misses: Array<{ truth: AmountRecord; read: AmountRecord | undefined }>;
  extras: AmountRecord[];
}

/** Cell by cell: how many of the truth's amounts the other reading reproduces exactly. */
export function compareByCell(truth: AmountRecord[], read: AmountRecord[]): CellComparison {
  const misses: CellComparison['misses'] = [];
  let equal = 0;
  for (const r of truth) {
    const o = sameCell(r, read);
    if (o && o.amountFen === r.amountFen) equal++;
    else misses.push({ truth: r, read: o });
  }
  return { amounts: truth.length, equal, misses, extras: read.filter((o) => !sameCell(o, truth)) };
}
