import type { TextRun } from '@juesuan/model';
import type { LineOfRuns } from './text-lines.ts';

export function overlapsX(a: TextRun, b: TextRun): boolean {
  return a.bbox.x0 < b.bbox.x1 && b.bbox.x0 < a.bbox.x1;
}

/** One heading line carries on the other's headings: every piece of one stands over or under a piece of the other. */
export function continuesHeading(above: LineOfRuns, below: LineOfRuns): boolean {
  return above.runs.every((a) => below.runs.some((b) => overlapsX(a, b))) || below.runs.every((b) => above.runs.some((a) => overlapsX(a, b)));
}
