import type { BBox, TextRun } from '@juesuan/model';

export const centreX = (b: BBox): number => (b.x0 + b.x1) / 2;
export const centreY = (b: BBox): number => (b.y0 + b.y1) / 2;

export function overlaps(a: BBox, b: BBox): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** The centre of `b` lies in `region`, give or take `margin` points. */
export function inside(b: BBox, region: BBox, margin: number): boolean {
  const cx = centreX(b);
  const cy = centreY(b);
  return cx >= region.x0 - margin && cx <= region.x1 + margin && cy >= region.y0 - margin && cy <= region.y1 + margin;
}

/** Runs whose centre stands strictly inside the box. */
export function runsWithin(runs: TextRun[], box: BBox): TextRun[] {
  return runs.filter((r) => centreY(r.bbox) > box.y0 && centreY(r.bbox) < box.y1 && centreX(r.bbox) > box.x0 && centreX(r.bbox) < box.x1);
}
