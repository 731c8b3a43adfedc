import type { BBox, TextRun } from '@juesuan/model';
import { joinPieces, normalizeCjkSpacing } from './cjk-text.ts';
import { DEFAULT_LAYOUT_SETTINGS } from './settings.ts';

const TEXT = DEFAULT_LAYOUT_SETTINGS.text;

export interface LineOfRuns {
  text: string;
  bbox: BBox;
  fontSize: number;
  runs: TextRun[];
}

function verticalOverlap(a: BBox, b: BBox): number {
  const top = Math.max(a.y0, b.y0);
  const bottom = Math.min(a.y1, b.y1);
  return Math.max(0, bottom - top) / Math.max(1e-6, Math.min(a.y1 - a.y0, b.y1 - b.y0));
}

export function unionBox(boxes: BBox[]): BBox {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

/** Text of runs on one line, left to right, with spaces only where the gap is wide and not Chinese. */
export function joinRunsOnLine(runs: TextRun[]): string {
  const sorted = [...runs].sort((a, b) => a.bbox.x0 - b.bbox.x0);
  let text = '';
  let prev: TextRun | null = null;
  for (const r of sorted) {
    const gap = prev ? r.bbox.x0 - prev.bbox.x1 : 0;
    text = joinPieces(text, r.text, prev !== null && gap > Math.min(prev.fontSize, r.fontSize) * TEXT.spaceGapEm);
    prev = r;
  }
  return normalizeCjkSpacing(text).trim();
}

/** Groups runs into visual lines: runs whose boxes overlap vertically by more than half. */
export function groupIntoLines(runs: TextRun[]): LineOfRuns[] {
  const sorted = [...runs].sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0);
  const lines: Array<{ runs: TextRun[]; bbox: BBox }> = [];
  for (const r of sorted) {
    let best: { runs: TextRun[]; bbox: BBox } | null = null;
    let bestOverlap = TEXT.lineOverlapShare;
    for (let k = lines.length - 1; k >= 0 && k >= lines.length - TEXT.lineLookback; k--) {
      const line = lines[k]!;
      const ov = verticalOverlap(line.bbox, r.bbox);
      if (ov > bestOverlap) {
        best = line;
        bestOverlap = ov;
      }
    }
    if (best) {
      best.runs.push(r);
      best.bbox = unionBox([best.bbox, r.bbox]);
    } else lines.push({ runs: [r], bbox: { ...r.bbox } });
  }
  return lines
    .map((l) => ({
      text: joinRunsOnLine(l.runs),
      bbox: l.bbox,
      fontSize: Math.max(...l.runs.map((r) => r.fontSize)),
      runs: l.runs,
    }))
    .filter((l) => l.text !== '')
    .sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0);
}

/**
 * Splits a line into column pieces where the gap between runs is wider than `minGap` points;
 * used for unruled tables.
 */
export function splitLineOnGaps(line: LineOfRuns, minGap: number): LineOfRuns[] {
  const sorted = [...line.runs].sort((a, b) => a.bbox.x0 - b.bbox.x0);
  const groups: TextRun[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    const last = g?.[g.length - 1];
    if (g && last && r.bbox.x0 - last.bbox.x1 < minGap) g.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => ({
    text: joinRunsOnLine(g),
    bbox: unionBox(g.map((r) => r.bbox)),
    fontSize: Math.max(...g.map((r) => r.fontSize)),
    runs: g,
  }));
}
