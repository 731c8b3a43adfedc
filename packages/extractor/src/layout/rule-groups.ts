import type { BBox, Ruling, TextRun } from '@juesuan/model';
import { NOTE_LINE, TABLE_DESCRIPTION } from '@juesuan/model';
import { isDecimalAmount } from './amount-text.ts';
import { overlaps } from './geometry.ts';
import { meets, rulingComponents } from './ruled-grid.ts';
import type { LayoutSettings } from './settings.ts';
import type { LineOfRuns } from './text-lines.ts';
import { groupIntoLines } from './text-lines.ts';

/** The distinct positions of parallel rules, in order (to a tenth of a point). */
function positions(lines: Ruling[]): number[] {
  return [...new Set(lines.map((r) => Math.round(r.at * 10) / 10))].sort((a, b) => a - b);
}

/**
 * A group of parallel rules (three at least, else null): their distinct positions in order, the
 * extent they cover along their length, and the box between the outermost.
 */
export function groupSpan(group: Ruling[]): { at: number[]; from: number; to: number; box: BBox } | null {
  const at = positions(group);
  if (at.length < 3) return null;
  const from = Math.min(...group.map((r) => r.from));
  const to = Math.max(...group.map((r) => r.to));
  const [first, last] = [at[0]!, at[at.length - 1]!];
  const box = group[0]!.orientation === 'h' ? { x0: from, y0: first, x1: to, y1: last } : { x0: first, y0: from, x1: last, y1: to };
  return { at, from, to, box };
}

/** How many distinct positions a set of parallel rules takes. */
function distinct(lines: Ruling[]): number {
  return new Set(lines.map((r) => Math.round(r.at))).size;
}

/**
 * Parallel rules that stand one above another (or side by side) over a shared extent: one table's.
 * Two tables stacked on a page interleave their rules down, so a rule joins whichever group it shares its extent with.
 */
function groupParallel(lines: Ruling[], maxGap: number): Ruling[][] {
  const sorted = [...lines].sort((a, b) => a.at - b.at);
  const groups: Array<{ rules: Ruling[]; from: number; to: number }> = [];
  const fits = (g: (typeof groups)[number], r: Ruling) =>
    r.at - g.rules[g.rules.length - 1]!.at <= maxGap && Math.min(g.to, r.to) - Math.max(g.from, r.from) >= Math.min(g.to - g.from, r.to - r.from) * 0.5;
  for (const r of sorted) {
    const g = groups.findLast((x) => fits(x, r));
    if (!g) groups.push({ rules: [r], from: r.from, to: r.to });
    else Object.assign(g, { rules: [...g.rules, r], from: Math.min(g.from, r.from), to: Math.max(g.to, r.to) });
  }
  return groups.map((g) => g.rules);
}

/**
 * Rules across on both sides of a table's title, unit or number line belong to two tables (the
 * end of one, the start of the next on the same page), however close they stand.
 */
function splitAtDescriptions(group: Ruling[], runs: TextRun[]): Ruling[][] {
  const out: Ruling[][] = [[]];
  const from = Math.min(...group.map((r) => r.from));
  const to = Math.max(...group.map((r) => r.to));
  for (const r of group) {
    const last = out[out.length - 1]!.at(-1);
    const between = last ? runs.filter((t) => t.bbox.y0 > last.at && t.bbox.y1 < r.at && t.bbox.x1 > from && t.bbox.x0 < to) : [];
    if (last && r.at > last.at && groupIntoLines(between).some((l) => TABLE_DESCRIPTION.test(l.text))) out.push([]);
    out[out.length - 1]!.push(r);
  }
  return out;
}

/** Rulings long enough to make a grid (pass "rulings: snap"): stubs of a corner or a tick left out. */
export function longRulings(rulings: Ruling[], s: LayoutSettings): Ruling[] {
  return rulings.filter((r) => r.to - r.from >= s.rulings.minLengthPt);
}

/**
 * Rules that run one way only (pass "rulings: join"): rules across (or down) that meet no rule
 * the other way, grouped by table; and a frame whose only lines across (or down) are its borders.
 */
export function oneWayGroups(long: Ruling[], runs: TextRun[], s: LayoutSettings): { across: Ruling[][]; down: Ruling[][] } {
  const hs = long.filter((r) => r.orientation === 'h');
  const vs = long.filter((r) => r.orientation === 'v');
  const lonelyH = hs.filter((h) => !vs.some((v) => meets(h, v, s)));
  const lonelyV = vs.filter((v) => !hs.some((h) => meets(h, v, s)));
  const framedH: Ruling[][] = [];
  const framedV: Ruling[][] = [];
  for (const component of rulingComponents([...hs, ...vs], s)) {
    const across = component.filter((r) => r.orientation === 'h');
    const down = component.filter((r) => r.orientation === 'v');
    if (distinct(across) >= 3 && distinct(down) <= 2) framedH.push(across);
    if (distinct(down) >= 3 && distinct(across) <= 2) framedV.push(down);
  }
  const across = groupParallel(lonelyH, s.rulings.maxRowGapPt).flatMap((g) => splitAtDescriptions(g, runs));
  return { across: [...across, ...framedH], down: [...groupParallel(lonelyV, s.rulings.maxColumnGapPt), ...framedV] };
}

/** Index of the first rule (sorted by position) at or after `at`. */
function firstAtOrAfter(sorted: Ruling[], at: number): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Rules that stop a little short of the rule they end on (drawn cell by cell, ends trimmed) are
 * lengthened to it, so the edge they draw counts as whole. Rules never shrink, and only reach
 * rules: strokes too short to be one (a chart's legend keys and curves) are never grown to.
 */
export function meetCrossings(lines: Ruling[], s: LayoutSettings): { lines: Ruling[]; lengthened: number } {
  let lengthened = 0;
  const long = (r: Ruling) => r.to - r.from >= s.rulings.minLengthPt;
  const byAt = (o: Ruling['orientation']) => lines.filter((p) => p.orientation === o && long(p)).sort((a, b) => a.at - b.at);
  const sorted = { h: byAt('h'), v: byAt('v') };
  const t = s.rulings.touchPt;
  const out = lines.map((r) => {
    const across = sorted[r.orientation === 'h' ? 'v' : 'h'];
    const near = across.slice(firstAtOrAfter(across, r.from - t), firstAtOrAfter(across, r.to + t + 1e-9));
    const ends = near.filter((p) => meets(r.orientation === 'h' ? r : p, r.orientation === 'h' ? p : r, s)).map((p) => p.at);
    const from = Math.min(r.from, ...ends.filter((at) => at < r.from));
    const to = Math.max(r.to, ...ends.filter((at) => at > r.to));
    if (from === r.from && to === r.to) return r;
    lengthened++;
    return { ...r, from, to };
  });
  return { lines: out, lengthened };
}

/** The box a group of parallel rules spans. */
function groupBox(g: Ruling[]): BBox {
  const a = [Math.min(...g.map((r) => r.from)), Math.max(...g.map((r) => r.to))] as const;
  const b = [Math.min(...g.map((r) => r.at)), Math.max(...g.map((r) => r.at))] as const;
  return g[0]!.orientation === 'h' ? { x0: a[0], x1: a[1], y0: b[0], y1: b[1] } : { x0: b[0], x1: b[1], y0: a[0], y1: a[1] };
}

/**
 * Groups across and down over the same region whose lines stop short of each other: one whole
 * grid (pass "rulings: extend" lengthens them to meet), not a table ruled one way.
 */
export function crossedRulings(across: Ruling[][], down: Ruling[][]): Set<Ruling> {
  const crossed = new Set<Ruling>();
  for (const hg of across) {
    for (const vg of down) {
      if (hg.length < 3 || vg.length < 3 || !overlaps(groupBox(hg), groupBox(vg))) continue;
      for (const r of [...hg, ...vg]) crossed.add(r);
    }
  }
  return crossed;
}

/**
 * The lines of one row past an end rule: the nearest line within a row's height of it, and the
 * lines set tight against that one (a name wrapped over lines), not much taller than the table's tallest row.
 */
function rowPast(lines: LineOfRuns[], rule: number, dir: 1 | -1, row: number, tallest: number, s: LayoutSettings): LineOfRuns[] {
  const near = (l: LineOfRuns) => (dir < 0 ? rule - l.bbox.y1 : l.bbox.y0 - rule);
  const past = lines.filter((l) => near(l) >= -1).sort((a, b) => near(a) - near(b));
  const out: LineOfRuns[] = [];
  for (const l of past) {
    const last = out[out.length - 1];
    const gap = last ? (dir < 0 ? last.bbox.y0 - l.bbox.y1 : l.bbox.y0 - last.bbox.y1) : near(l);
    const reach = dir < 0 ? rule - l.bbox.y0 : l.bbox.y1 - rule;
    if ((last ? gap > l.fontSize * s.rows.wrapGapEm : gap > row) || reach > tallest * s.rulings.openEndRowShare) break;
    out.push(l);
  }
  return out;
}

/**
 * A table ruled across only may leave its first row above the first rule (a continued page
 * without a top border) or its last below the last: a row of amounts, with no title, unit or
 * note line in it, is closed with a rule as far out as its gap.
 */
export function closeOpenEnds(group: Ruling[], runs: TextRun[], s: LayoutSettings): Ruling[] {
  const at = [...new Set(group.map((r) => r.at))].sort((a, b) => a - b);
  if (at.length < 3) return [];
  const gaps = at.slice(1).map((y, k) => y - at[k]!).sort((a, b) => a - b);
  const [row, tallest] = [gaps[gaps.length >> 1]!, gaps[gaps.length - 1]!];
  const from = Math.min(...group.map((r) => r.from));
  const to = Math.max(...group.map((r) => r.to));
  const lines = groupIntoLines(runs.filter((r) => r.bbox.x0 >= from - s.rulings.touchPt && r.bbox.x1 <= to + s.rulings.touchPt));
  const closes = (ls: LineOfRuns[]) => ls.some((l) => l.runs.some((r) => isDecimalAmount(r.text))) && !ls.some((l) => TABLE_DESCRIPTION.test(l.text) || NOTE_LINE.test(l.text));
  const out: Ruling[] = [];
  const [top, bottom] = [at[0]!, at[at.length - 1]!];
  const above = rowPast(lines, top, -1, row, tallest, s);
  const below = rowPast(lines, bottom, 1, row, tallest, s);
  if (closes(above)) out.push({ orientation: 'h', at: Math.min(...above.map((l) => l.bbox.y0)) - (top - above[0]!.bbox.y1), from, to });
  if (closes(below)) out.push({ orientation: 'h', at: Math.max(...below.map((l) => l.bbox.y1)) + (below[0]!.bbox.y0 - bottom), from, to });
  return out;
}
