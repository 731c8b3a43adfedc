import type { BBox, Ruling, TextRun } from '@juesuan/model';
import { mergeRulings } from '../pdf/detect-rulings.ts';
import { isDecimalAmount } from './amount-text.ts';
import { charEdges, rulingComponents, splitRunAt } from './ruled-grid.ts';
import { continuesHeading, STARTS_ITEM } from './row-lines.ts';
import type { LineOfRuns } from './text-lines.ts';
import { groupIntoLines } from './text-lines.ts';

/** How far a ruling may stop short of a crossing and still meet it (as in ruled-grid). */
const TOUCH = 3;
/** Consecutive rules further apart than this belong to different tables: rows are low, columns can be wide. */
const MAX_GAP = { h: 120, v: 400 };

function meets(h: Ruling, v: Ruling): boolean {
  return v.at >= h.from - TOUCH && v.at <= h.to + TOUCH && h.at >= v.from - TOUCH && h.at <= v.to + TOUCH;
}

const centreY = (b: BBox) => (b.y0 + b.y1) / 2;
const centreX = (b: BBox) => (b.x0 + b.x1) / 2;
/** A data cell's text: an amount, or a code. */
const isData = (text: string) => isDecimalAmount(text) || /^\d{3,7}$/.test(text.replace(/\s+/g, ''));


/** The distinct positions of parallel rules, in order (to a tenth of a point). */
function positions(lines: Ruling[]): number[] {
  return [...new Set(lines.map((r) => Math.round(r.at * 10) / 10))].sort((a, b) => a - b);
}

/** How many distinct positions a set of parallel rules takes. */
function distinct(lines: Ruling[]): number {
  return new Set(lines.map((r) => Math.round(r.at))).size;
}

/** Parallel rules that stand one above another (or side by side) over a shared extent: one table's. */
function groupParallel(lines: Ruling[], maxGap: number): Ruling[][] {
  const sorted = [...lines].sort((a, b) => a.at - b.at);
  const groups: Ruling[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    const from = g ? Math.min(...g.map((x) => x.from)) : 0;
    const to = g ? Math.max(...g.map((x) => x.to)) : 0;
    const overlap = g ? Math.min(to, r.to) - Math.max(from, r.from) : 0;
    if (g && r.at - g[g.length - 1]!.at <= maxGap && overlap >= Math.min(to - from, r.to - r.from) * 0.5) g.push(r);
    else groups.push([r]);
  }
  return groups;
}

/**
 * Where the column lines go, from the data rows' columns of text and the leaf headings: a heading
 * over a column of text names it; the rest are paired in order between those (left-aligned
 * headings over right-aligned amounts), or with the nearest when headings outnumber columns
 * (the rest name columns left blank in every row). The lines stand in the gaps between them.
 */
export function columnLines(segments: Array<[number, number]>, leaf: TextRun[]): number[] {
  const overlap = (h: TextRun, s: [number, number]) => Math.min(h.bbox.x1, s[1]) - Math.max(h.bbox.x0, s[0]);
  const headingOf = new Map<number, TextRun>();
  const used = new Set<TextRun>();
  segments.forEach((s, k) => {
    const over = leaf.filter((h) => overlap(h, s) > 0 && !used.has(h)).sort((a, b) => overlap(b, s) - overlap(a, s))[0];
    if (over) {
      headingOf.set(k, over);
      used.add(over);
    }
  });
  // between two columns already named, the unnamed ones and the free headings
  const anchors = [-1, ...segments.map((_, k) => k).filter((k) => headingOf.has(k)), segments.length];
  for (let a = 0; a + 1 < anchors.length; a++) {
    const lo = anchors[a]! < 0 ? -Infinity : segments[anchors[a]!]![1];
    const hi = anchors[a + 1]! >= segments.length ? Infinity : segments[anchors[a + 1]!]![0];
    const free = segments.map((s, k) => ({ s, k })).filter(({ s, k }) => !headingOf.has(k) && s[0] >= lo && s[1] <= hi);
    const heads = leaf.filter((h) => !used.has(h) && h.bbox.x0 >= lo - 1 && h.bbox.x1 <= hi + 1).sort((p, q) => p.bbox.x0 - q.bbox.x0);
    if (free.length === heads.length) {
      free.forEach(({ k }, i) => {
        headingOf.set(k, heads[i]!);
        used.add(heads[i]!);
      });
    } else {
      for (const { s, k } of free) {
        const dist = (h: TextRun) => Math.max(s[0] - h.bbox.x1, h.bbox.x0 - s[1], 0);
        const near = heads.filter((h) => !used.has(h)).sort((p, q) => dist(p) - dist(q))[0];
        if (!near) continue;
        headingOf.set(k, near);
        used.add(near);
      }
    }
  }
  const columns: Array<[number, number]> = [
    ...segments.map((s, k): [number, number] => {
      const h = headingOf.get(k);
      return h ? [Math.min(s[0], h.bbox.x0), Math.max(s[1], h.bbox.x1)] : s;
    }),
    ...leaf.filter((h) => !used.has(h)).map((h): [number, number] => [h.bbox.x0, h.bbox.x1]),
  ].sort((a, b) => a[0] - b[0]);
  // columns that overlap are one
  const merged: Array<[number, number]> = [];
  for (const c of columns) {
    const last = merged[merged.length - 1];
    if (last && c[0] < last[1]) last[1] = Math.max(last[1], c[1]);
    else merged.push([...c]);
  }
  return merged.slice(1).map((c, k) => (merged[k]![1] + c[0]) / 2);
}

/** The x-extents runs cover, merged where they overlap or nearly touch. */
function bodySegments(runs: TextRun[]): Array<[number, number]> {
  const spans = runs.map((r) => [r.bbox.x0, r.bbox.x1] as [number, number]).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [a, b] of spans) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1] + 2) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/**
 * Some producers write two cells' text as one item ("371,514,655.00 一、一般公共服务支出"): cut
 * it at a space that stands between an amount and other text, where the column line must be.
 */
export function splitCellsInRun(run: TextRun): TextRun[] {
  const chars = [...run.text];
  const edges = charEdges(run);
  const cuts: number[] = [];
  const re = /\s+/g;
  for (let m = re.exec(run.text); m; m = re.exec(run.text)) {
    const before = run.text.slice(0, m.index).split(/\s+/).pop() ?? '';
    const after = run.text.slice(m.index + m[0].length).split(/\s+/)[0] ?? '';
    if (before === '' || after === '' || !(isDecimalAmount(before) || isDecimalAmount(after))) continue;
    // the character index of the middle of the spaces
    const start = [...run.text.slice(0, m.index)].length;
    const end = start + [...m[0]].length;
    if (end <= chars.length) cuts.push((edges[start]! + edges[end]!) / 2);
  }
  if (cuts.length === 0) return [run];
  // each piece's box shrunk to its characters, the spaces between them left as the gap
  return splitRunAt(run, cuts).map((piece) => {
    const e = charEdges(piece);
    const pc = [...piece.text];
    const first = pc.findIndex((c) => c.trim() !== '');
    const last = pc.length - 1 - [...pc].reverse().findIndex((c) => c.trim() !== '');
    return { ...piece, text: piece.text.trim(), bbox: { ...piece.bbox, x0: e[first]!, x1: e[last + 1]! } };
  });
}

/**
 * Tables ruled one way only. With rules across (rows) but none down, the columns come from the
 * gaps between the data rows' text; with rules down (columns) but none across, the rows come
 * from the text lines, a wrapped name kept in its row. In each row band a column line is drawn
 * only where no text crosses it, so header cells that span columns stay whole.
 */
export function completeRulings(rulings: Ruling[], pageRuns: TextRun[]): Ruling[] {
  // stubs of a few points (a corner, a tick) do not make a grid
  const hs = rulings.filter((r) => r.orientation === 'h' && r.to - r.from >= 8);
  const vs = rulings.filter((r) => r.orientation === 'v' && r.to - r.from >= 8);
  const lonelyH = hs.filter((h) => !vs.some((v) => meets(h, v)));
  const lonelyV = vs.filter((v) => !hs.some((h) => meets(h, v)));
  // rules one way inside a frame: a box whose only lines across (or down) are its own borders
  const framedH: Ruling[][] = [];
  const framedV: Ruling[][] = [];
  for (const component of rulingComponents([...hs, ...vs])) {
    const across = distinct(component.filter((r) => r.orientation === 'h'));
    const down = distinct(component.filter((r) => r.orientation === 'v'));
    if (across >= 3 && down <= 2) framedH.push(component.filter((r) => r.orientation === 'h'));
    if (down >= 3 && across <= 2) framedV.push(component.filter((r) => r.orientation === 'v'));
  }
  let hGroups = [...groupParallel(lonelyH, MAX_GAP.h), ...framedH];
  let vGroups = [...groupParallel(lonelyV, MAX_GAP.v), ...framedV];
  if (!hGroups.some((g) => g.length >= 3) && !vGroups.some((g) => g.length >= 3)) return rulings;
  // lines both ways over the same region that stop short of each other: a whole grid, its lines
  // lengthened to meet rather than a second set drawn from the text
  const region = (g: Ruling[]) => {
    const across = g[0]!.orientation === 'h';
    const a = [Math.min(...g.map((r) => r.from)), Math.max(...g.map((r) => r.to))];
    const b = [Math.min(...g.map((r) => r.at)), Math.max(...g.map((r) => r.at))];
    return across ? { x0: a[0]!, x1: a[1]!, y0: b[0]!, y1: b[1]! } : { x0: b[0]!, x1: b[1]!, y0: a[0]!, y1: a[1]! };
  };
  const meetsRegion = (p: Ruling[], q: Ruling[]) => {
    const a = region(p);
    const b = region(q);
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  };
  const crossed = new Set<Ruling>();
  for (const hg of hGroups) {
    for (const vg of vGroups) {
      if (hg.length < 3 || vg.length < 3 || !meetsRegion(hg, vg)) continue;
      for (const r of [...hg, ...vg]) crossed.add(r);
    }
  }
  hGroups = hGroups.filter((g) => !g.some((r) => crossed.has(r)));
  vGroups = vGroups.filter((g) => !g.some((r) => crossed.has(r)));
  const base = crossed.size === 0 ? rulings : rulings.map((r) => (crossed.has(r) ? { ...r, from: r.from - REACH, to: r.to + REACH } : r));
  const runs = pageRuns.flatMap(splitCellsInRun);
  const added: Ruling[] = [];
  for (const group of hGroups) added.push(...columnsForRows(group, runs));
  for (const group of vGroups) added.push(...rowsForColumns(group, runs));
  return added.length === 0 && crossed.size === 0 ? rulings : [...base, ...added];
}

/** How far the lines of a grid may stop short of each other and still be one grid. */
const REACH = 8;

/** Rules across only: vertical lines where the data rows leave a gap. */
export function columnsForRows(group: Ruling[], runs: TextRun[]): Ruling[] {
  const ys = positions(group);
  if (ys.length < 3) return [];
  const from = Math.min(...group.map((r) => r.from));
  const to = Math.max(...group.map((r) => r.to));
  const top = ys[0]!;
  const bottom = ys[ys.length - 1]!;
  const inside = runs.filter((r) => centreY(r.bbox) > top && centreY(r.bbox) < bottom && centreX(r.bbox) > from && centreX(r.bbox) < to);
  const bands = ys.slice(1).map((y, k) => ({ y0: ys[k]!, y1: y, runs: inside.filter((r) => centreY(r.bbox) >= ys[k]! && centreY(r.bbox) < y) }));
  const body = bands.filter((b) => b.runs.some((r) => isDecimalAmount(r.text)));
  if (body.length === 0) return [];
  // a total row's label often spans the code and name columns: it does not place them
  const bodyRuns = body.flatMap((b) => b.runs).filter((r) => !/^[\s\d一二三四五六七八九十、.]*(?:合计|总计|小计|[\u4e00-\u9fa5]{1,6}合计)\s*$/.test(r.text));
  // the header: the bands above the first data row; its last band names the leaf columns
  const header = bands.slice(0, bands.indexOf(body[0]!));
  const headerRuns = header.flatMap((b) => b.runs);
  // a group heading (项目 over 科目编码 and 科目名称) is centred over the headings under it:
  // one right under it, or some on each side of its centre; any other heading is a leaf
  const leaf = headerRuns.filter((h) => {
    const reach = 2 * (h.bbox.x1 - h.bbox.x0) + h.fontSize;
    const centre = (h.bbox.x0 + h.bbox.x1) / 2;
    const under = headerRuns.filter((u) => u !== h && u.bbox.y0 >= h.bbox.y1 - 1 && u.bbox.x1 > h.bbox.x0 - reach && u.bbox.x0 < h.bbox.x1 + reach);
    const mid = (u: TextRun) => (u.bbox.x0 + u.bbox.x1) / 2;
    const below = under.some((u) => u.bbox.x1 > h.bbox.x0 && u.bbox.x0 < h.bbox.x1);
    return !(below || (under.some((u) => mid(u) < centre) && under.some((u) => mid(u) > centre)));
  });
  const xs = columnLines(bodySegments(bodyRuns), leaf).filter((x) => x > from + 3 && x < to - 3);
  if (xs.length < 2) return [];
  const out: Ruling[] = [];
  for (const band of bands) {
    for (const x of xs) {
      if (band.runs.some((r) => r.bbox.x0 < x - 1 && r.bbox.x1 > x + 1)) continue;
      out.push({ orientation: 'v', at: x, from: band.y0, to: band.y1 });
    }
  }
  // the outer borders, so the grid closes
  out.push({ orientation: 'v', at: from, from: top, to: bottom }, { orientation: 'v', at: to, from: top, to: bottom });
  // a line drawn band after band is one line: it reaches past a band whose rules stop short of it
  return mergeRulings(out);
}

/** Rules down only: horizontal lines between the text lines, a wrapped name kept in its row. */
function rowsForColumns(group: Ruling[], runs: TextRun[]): Ruling[] {
  const xs = positions(group);
  if (xs.length < 3) return [];
  const top = Math.min(...group.map((r) => r.from));
  const bottom = Math.max(...group.map((r) => r.to));
  const left = xs[0]!;
  const right = xs[xs.length - 1]!;
  const inside = runs.filter((r) => centreY(r.bbox) > top && centreY(r.bbox) < bottom && centreX(r.bbox) > left && centreX(r.bbox) < right);
  const lines = groupIntoLines(inside);
  if (!lines.some((l) => l.runs.some((r) => isDecimalAmount(r.text)))) return [];
  const column = (r: TextRun) => xs.findIndex((x, k) => k + 1 < xs.length && centreX(r.bbox) >= x && centreX(r.bbox) < xs[k + 1]!);
  const out: Ruling[] = [];
  const firstData = lines.findIndex((l) => l.runs.some((r) => isDecimalAmount(r.text)));
  for (let k = 1; k < lines.length; k++) {
    const above = lines[k - 1]!;
    const below = lines[k]!;
    // in the heading, lines set tight together where one continues the other's headings (a
    // heading wrapped over lines, another centred beside it) are one row; a wider gap, a group
    // heading over other headings, or one across column lines parts the levels
    const spansColumns = (l: LineOfRuns) => l.runs.some((r) => xs.slice(1, -1).some((x) => r.bbox.x0 < x - 1 && r.bbox.x1 > x + 1));
    if (k < firstData && below.bbox.y0 - above.bbox.y1 < Math.min(above.fontSize, below.fontSize) * 0.6 && continuesHeading(above, below) && !spansColumns(above) && !spansColumns(below)) continue;
    // a wrapped name: a line with no data under a data row, each piece in a column where that
    // row's text fills most of the width, and none starting an item of its own (二、 1. （一）)
    const fills = (c: number) => {
      const width = xs[c + 1]! - xs[c]!;
      const used = above.runs.filter((r) => column(r) === c).reduce((sum, r) => sum + (r.bbox.x1 - r.bbox.x0), 0);
      return used >= width * 0.6;
    };
    const wrapped =
      above.runs.some((r) => isData(r.text)) &&
      !below.runs.some((r) => isData(r.text)) &&
      below.runs.every((r) => fills(column(r)) && !STARTS_ITEM.test(r.text.trim()));
    if (wrapped) continue;
    const y = (above.bbox.y1 + below.bbox.y0) / 2;
    for (let c = 0; c + 1 < xs.length; c++) {
      const crossing = inside.some((r) => column(r) === c && r.bbox.y0 < y - 1 && r.bbox.y1 > y + 1);
      if (!crossing) out.push({ orientation: 'h', at: y, from: xs[c]!, to: xs[c + 1]! });
    }
  }
  out.push({ orientation: 'h', at: top, from: left, to: right }, { orientation: 'h', at: bottom, from: left, to: right });
  return mergeRulings(out);
}
