import type { BBox, Ruling, TextRun } from '@juesuan/model';
import { groupIntoLines, joinRunsOnLine } from './text-lines.ts';
import { isCjk, joinPieces } from './cjk-text.ts';
import { UnionFind } from './union-find.ts';
import type { LayoutSettings } from './settings.ts';
import { DEFAULT_LAYOUT_SETTINGS } from './settings.ts';


export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  bbox: BBox;
  text: string;
  runs: TextRun[];
}

export interface RuledGrid {
  bbox: BBox;
  xs: number[];
  ys: number[];
  cells: GridCell[];
}

function cluster(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const g = out[out.length - 1];
    if (g && v - g[g.length - 1]! <= tolerance) g.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** A rule across and a rule down meet: each reaches the other, give or take the touch tolerance. */
export function meets(h: Ruling, v: Ruling, s: LayoutSettings): boolean {
  const t = s.rulings.touchPt;
  return v.at >= h.from - t && v.at <= h.to + t && h.at >= v.from - t && h.at <= v.to + t;
}

/** Groups rulings that meet into table-sized components. */
export function rulingComponents(rulings: Ruling[], s: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): Ruling[][] {
  const uf = new UnionFind(rulings.length);
  for (let i = 0; i < rulings.length; i++) {
    for (let j = i + 1; j < rulings.length; j++) {
      const a = rulings[i]!;
      const b = rulings[j]!;
      if (a.orientation === b.orientation) continue;
      const [h, v] = a.orientation === 'h' ? [a, b] : [b, a];
      if (meets(h, v, s)) uf.union(i, j);
    }
  }
  const groups = new Map<number, Ruling[]>();
  rulings.forEach((r, i) => {
    const root = uf.find(i);
    const list = groups.get(root) ?? [];
    list.push(r);
    groups.set(root, list);
  });
  return [...groups.values()];
}

/** Share of [a, b] covered by rulings at position `at` (within tolerance). */
function coverage(lines: Ruling[], at: number, a: number, b: number, snap: number): number {
  const span = b - a;
  if (span <= 0) return 1;
  const parts = lines
    .filter((r) => Math.abs(r.at - at) <= snap && r.to > a && r.from < b)
    .map((r) => [Math.max(a, r.from), Math.min(b, r.to)] as const)
    .sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let end = a;
  for (const [s, e] of parts) {
    if (e <= end) continue;
    covered += e - Math.max(s, end);
    end = e;
  }
  return covered / span;
}

/** Relative advance of a character: ideographs are square, digits and Latin about half as wide. */
function advance(ch: string): number {
  return isCjk(ch) ? 1 : ch === ' ' ? 0.3 : 0.5;
}

/** Left edge of each character of a run (and its right end), from estimated advances scaled to its width. */
export function charEdges(run: TextRun): number[] {
  const chars = [...run.text];
  const width = run.bbox.x1 - run.bbox.x0;
  const total = chars.reduce((s, ch) => s + advance(ch), 0) || 1;
  const edges: number[] = [];
  let acc = 0;
  for (const ch of chars) {
    edges.push(run.bbox.x0 + (acc / total) * width);
    acc += advance(ch);
  }
  edges.push(run.bbox.x1);
  return edges;
}

/** Cuts a run where it crosses a column line, so text that runs over a border lands in both cells. */
export function splitRunAt(run: TextRun, cuts: number[]): TextRun[] {
  const inside = cuts.filter((x) => x > run.bbox.x0 + 1 && x < run.bbox.x1 - 1);
  const chars = [...run.text];
  if (inside.length === 0 || chars.length < 2) return [run];
  const edges = charEdges(run);
  const pieces: TextRun[] = [];
  let start = 0;
  for (const cut of [...inside, Infinity]) {
    let end = start;
    while (end < chars.length && (edges[end]! + edges[end + 1]!) / 2 < cut) end++;
    if (end > start) pieces.push({ ...run, text: chars.slice(start, end).join(''), bbox: { ...run.bbox, x0: edges[start]!, x1: edges[end]! } });
    start = end;
  }
  return pieces.filter((p) => p.text.trim() !== '');
}

/** Text of one cell: visual lines top to bottom, wrapped Chinese joined without spaces. */
export function cellText(runs: TextRun[]): string {
  let text = '';
  for (const line of groupIntoLines(runs)) text = joinPieces(text, joinRunsOnLine(line.runs), true);
  return text;
}

/** Grid lines of a component: its rulings clustered, open outer borders closed from the lines that run past. */
function gridLines(hs: Ruling[], vs: Ruling[], s: LayoutSettings): { xs: number[]; ys: number[] } {
  let xs = cluster(vs.map((r) => r.at), s.rulings.snapPt);
  let ys = cluster(hs.map((r) => r.at), s.rulings.snapPt);
  const open = s.rulings.openBorderPt;
  const minX = Math.min(...hs.map((r) => r.from));
  const maxX = Math.max(...hs.map((r) => r.to));
  if (minX < xs[0]! - open) xs = [minX, ...xs];
  if (maxX > xs[xs.length - 1]! + open) xs = [...xs, maxX];
  const minY = Math.min(...vs.map((r) => r.from));
  const maxY = Math.max(...vs.map((r) => r.to));
  if (minY < ys[0]! - open) ys = [minY, ...ys];
  if (maxY > ys[ys.length - 1]! + open) ys = [...ys, maxY];
  return { xs, ys };
}

/** Neighbouring grid cells merged where no ruling separates them: the cells, without text. */
function mergedCells(hs: Ruling[], vs: Ruling[], xs: number[], ys: number[], s: LayoutSettings): GridCell[] {
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const uf = new UnionFind(nr * nc);
  const id = (r: number, c: number) => r * nc + c;
  const open = (lines: Ruling[], at: number, a: number, b: number) => coverage(lines, at, a, b, s.rulings.snapPt) < s.rulings.coverShare;
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (c + 1 < nc && open(vs, xs[c + 1]!, ys[r]!, ys[r + 1]!)) uf.union(id(r, c), id(r, c + 1));
      if (r + 1 < nr && open(hs, ys[r + 1]!, xs[c]!, xs[c + 1]!)) uf.union(id(r, c), id(r + 1, c));
    }
  }
  const groups = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const g = groups.get(uf.find(id(r, c)));
      if (!g) groups.set(uf.find(id(r, c)), { r0: r, c0: c, r1: r, c1: c });
      else Object.assign(g, { r0: Math.min(g.r0, r), c0: Math.min(g.c0, c), r1: Math.max(g.r1, r), c1: Math.max(g.c1, c) });
    }
  }
  return [...groups.values()]
    .map((g) => ({
      row: g.r0,
      col: g.c0,
      rowSpan: g.r1 - g.r0 + 1,
      colSpan: g.c1 - g.c0 + 1,
      bbox: { x0: xs[g.c0]!, y0: ys[g.r0]!, x1: xs[g.c1 + 1]!, y1: ys[g.r1 + 1]! },
      text: '',
      runs: [] as TextRun[],
    }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
}

/** Text runs given to the cells by their centre, a run over a column line cut at it. */
function placeRuns(cells: GridCell[], runs: TextRun[], xs: number[], ys: number[], bbox: BBox): void {
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const owner = new Map<number, GridCell>();
  for (const cell of cells) {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) for (let c = cell.col; c < cell.col + cell.colSpan; c++) owner.set(r * nc + c, cell);
  }
  const innerXs = xs.slice(1, -1);
  for (const run of runs) {
    const cy = (run.bbox.y0 + run.bbox.y1) / 2;
    if (cy < bbox.y0 || cy > bbox.y1) continue;
    if (run.bbox.x1 < bbox.x0 || run.bbox.x0 > bbox.x1) continue;
    for (const piece of splitRunAt(run, innerXs)) {
      const cx = (piece.bbox.x0 + piece.bbox.x1) / 2;
      if (cx < bbox.x0 || cx > bbox.x1) continue;
      const r = ys.findIndex((y, k) => k < nr && cy >= y && cy < ys[k + 1]!);
      const c = xs.findIndex((x, k) => k < nc && cx >= x && cx < xs[k + 1]!);
      if (r < 0 || c < 0) continue;
      owner.get(r * nc + c)!.runs.push(piece);
    }
  }
  for (const cell of cells) cell.text = cellText(cell.runs);
}

/** The grid lines some cell starts or ends at (given as [first, past-last] line indices), the outer two always. */
export function linesCellsEndAt(lines: number[], spans: Array<[number, number]>): number[] {
  const used = new Set(spans.flat());
  return lines.filter((_, k) => k === 0 || k === lines.length - 1 || used.has(k));
}

/**
 * Builds the cell grid of one component of rulings (passes "grid" and "cells"): grid lines from
 * the rulings, neighbouring grid cells merged where no ruling separates them, then text runs
 * assigned by their centre.
 */
export function buildRuledGrid(component: Ruling[], runs: TextRun[], s: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): RuledGrid | null {
  const hs = component.filter((r) => r.orientation === 'h');
  const vs = component.filter((r) => r.orientation === 'v');
  if (hs.length < 2 || vs.length < 2) return null;
  const lines = gridLines(hs, vs, s);
  if (lines.ys.length < 2 || lines.xs.length < 3) return null;
  let cells = mergedCells(hs, vs, lines.xs, lines.ys, s);
  // a line every cell spans is none of the grid's (strokes of heavy type joined into a line inside a row)
  const xs = linesCellsEndAt(lines.xs, cells.map((c) => [c.col, c.col + c.colSpan]));
  const ys = linesCellsEndAt(lines.ys, cells.map((c) => [c.row, c.row + c.rowSpan]));
  if (xs.length !== lines.xs.length || ys.length !== lines.ys.length) cells = mergedCells(hs, vs, xs, ys, s);
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  if (nr < 1 || nc < 2) return null;
  const bbox: BBox = { x0: xs[0]!, y0: ys[0]!, x1: xs[nc]!, y1: ys[nr]! };
  placeRuns(cells, runs, xs, ys, bbox);
  return { bbox, xs, ys, cells };
}
