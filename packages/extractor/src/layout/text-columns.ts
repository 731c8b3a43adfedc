import type { Ruling, TextRun } from '@juesuan/model';
import { mergeRulings } from '../pdf/detect-rulings.ts';
import { isDecimalAmount } from './amount-text.ts';
import { centreY, runsWithin } from './geometry.ts';
import { charEdges, splitRunAt } from './ruled-grid.ts';
import { groupSpan } from './rule-groups.ts';
import type { LayoutSettings } from './settings.ts';
import { DEFAULT_LAYOUT_SETTINGS } from './settings.ts';
import { CODE_PART_HEADING, isBareTotalLabel } from '@juesuan/model';

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

/**
 * The x-extents runs cover, merged where they overlap or nearly touch; but text that starts where
 * a column of amounts ends is the next column (amounts 0.00 right against 绩效目标 text).
 */
function bodySegments(runs: TextRun[], s: LayoutSettings): Array<[number, number]> {
  const sorted = [...runs].sort((a, b) => a.bbox.x0 - b.bbox.x0);
  const merged: Array<{ span: [number, number]; amountEnds: number[]; textBeyond: boolean }> = [];
  for (const r of sorted) {
    const [a, b] = inkSpan(r);
    const last = merged[merged.length - 1];
    const amount = isDecimalAmount(r.text);
    // where the column's amounts end, most of them (a piece cut from a longer run ends only about there)
    const edge = last && last.amountEnds.length > 0 && !last.textBeyond ? median(last.amountEnds) : null;
    const nextColumn = edge !== null && !amount && a >= edge - s.edges.amountEdgeSlackPt;
    if (last && !nextColumn && a <= last.span[1] + s.edges.segmentJoinPt) {
      if (amount) last.amountEnds.push(b);
      else if (edge === null || b > edge) last.textBeyond = true;
      last.span[1] = Math.max(last.span[1], b);
    } else {
      // a piece cut from a longer run ends only about where its amount does: not past the next column
      if (last && nextColumn) last.span[1] = Math.min(last.span[1], a);
      merged.push({ span: [a, b], amountEnds: amount ? [b] : [], textBeyond: false });
    }
  }
  return merged.map((m) => m.span);
}

const crosses = ([a, b]: [number, number], x: number, by: number) => a < x - by && b > x + by;
const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;

/** A run's extent without the spaces at its ends ("0.00 " ends where its last digit does). */
function inkSpan(run: TextRun): [number, number] {
  const chars = [...run.text];
  const first = chars.findIndex((c) => c.trim() !== '');
  if (first < 0 || run.text.trim() === run.text) return [run.bbox.x0, run.bbox.x1];
  const last = chars.length - 1 - [...chars].reverse().findIndex((c) => c.trim() !== '');
  const e = charEdges(run);
  return [e[first]!, e[last + 1]!];
}

/** An amount (two decimals, starting the run or after a space) that CJK words follow at once. */
const AMOUNT_THEN_WORDS = /(?<=^|\s)-?[\d,]*\d\.\d{2}(?=[\u3400-\u9fff])/g;

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
  // an amount printed right against the next cell's words, with no space ("0.00信访事项和…")
  for (const m of run.text.matchAll(AMOUNT_THEN_WORDS)) cuts.push(edges[[...run.text.slice(0, m.index + m[0].length)].length]!);
  if (cuts.length === 0) return [run];
  // each piece's box shrunk to its characters, the spaces between them left as the gap
  return splitRunAt(run, cuts).map((piece) => {
    const [x0, x1] = inkSpan(piece);
    return { ...piece, text: piece.text.trim(), bbox: { ...piece.bbox, x0, x1 } };
  });
}

/**
 * A narrow column's heading wrapped onto a second line (一般公共预 / 算, 财政专 / 户拨款) is one
 * heading: the line under it holds only its tail, tight below and within its width.
 */
export function joinWrappedHeadings(runs: TextRun[], s: LayoutSettings): TextRun[] {
  const out = [...runs].sort((a, b) => a.bbox.y0 - b.bbox.y0);
  for (let i = 0; i < out.length; i++) {
    const h = out[i]!;
    const under = out.filter((u) => u !== h && u.bbox.y0 >= h.bbox.y1 - 1 && u.bbox.y0 - h.bbox.y1 < h.fontSize * s.rows.wrapGapEm && u.bbox.x1 > h.bbox.x0 && u.bbox.x0 < h.bbox.x1);
    const tail = under[0];
    if (under.length !== 1 || !tail || tail.bbox.x0 < h.bbox.x0 - 1 || tail.bbox.x1 > h.bbox.x1 + 1) continue;
    out[i] = { ...h, text: h.text + tail.text, bbox: { x0: h.bbox.x0, y0: h.bbox.y0, x1: h.bbox.x1, y1: Math.max(h.bbox.y1, tail.bbox.y1) } };
    out.splice(out.indexOf(tail), 1);
    i--;
  }
  return out;
}

const SHORT_CJK = /^[\u3400-\u9fff]{1,2}$/;

/**
 * A heading printed with its letters spaced out (收  入, 合  计) is one heading: neighbours on one
 * line, each a character or two, close, and with no text of the body under the space between them;
 * 类 款 项, each over its own column of code digits, stay apart.
 */
export function joinLetterSpaced(runs: TextRun[], segments: Array<[number, number]>, s: LayoutSettings): TextRun[] {
  const out = [...runs].sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0);
  const joined = new Set<TextRun>();
  for (let i = 0; i + 1 < out.length; i++) {
    const [a, b] = [out[i]!, out[i + 1]!];
    const sameLine = Math.abs(centreY(a.bbox) - centreY(b.bbox)) < a.fontSize / 2;
    const close = b.bbox.x0 - a.bbox.x1 >= 0 && b.bbox.x0 - a.bbox.x1 <= a.fontSize * s.edges.letterSpacingEm;
    const letters = SHORT_CJK.test(b.text.trim()) && (SHORT_CJK.test(a.text.trim()) || joined.has(a)) && ![a, b].some((r) => CODE_PART_HEADING.test(r.text.trim()));
    if (!sameLine || !close || !letters || segments.some(([x0, x1]) => x0 < b.bbox.x0 && x1 > a.bbox.x1)) continue;
    const word = { ...a, text: a.text.trim() + b.text.trim(), bbox: { ...a.bbox, x1: b.bbox.x1, y1: Math.max(a.bbox.y1, b.bbox.y1) } };
    joined.add(word);
    out.splice(i, 2, word);
    i--;
  }
  return out;
}

/**
 * Leaf headings of a header: a group heading (项目 over 科目编码 and 科目名称) is centred over the
 * headings under it, one right under it or some on each side of its centre; any other is a leaf.
 */
function leafHeadings(runs: TextRun[], s: LayoutSettings): TextRun[] {
  const headerRuns = joinWrappedHeadings(runs, s);
  return headerRuns.filter((h) => {
    const reach = 2 * (h.bbox.x1 - h.bbox.x0) + h.fontSize;
    const centre = (h.bbox.x0 + h.bbox.x1) / 2;
    const under = headerRuns.filter((u) => u !== h && u.bbox.y0 >= h.bbox.y1 - 1 && u.bbox.x1 > h.bbox.x0 - reach && u.bbox.x0 < h.bbox.x1 + reach);
    const mid = (u: TextRun) => (u.bbox.x0 + u.bbox.x1) / 2;
    const below = under.some((u) => u.bbox.x1 > h.bbox.x0 && u.bbox.x0 < h.bbox.x1);
    return !(below || (under.some((u) => mid(u) < centre) && under.some((u) => mid(u) > centre)));
  });
}

/**
 * Rules across only (pass "edges: columns"): vertical lines where the data rows leave a gap. In
 * each row band a line is drawn only where no text crosses it, so header cells that span
 * columns stay whole.
 */
export function columnsForRows(group: Ruling[], runs: TextRun[], s: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): Ruling[] {
  const span = groupSpan(group);
  if (!span) return [];
  const { at: ys, from, to } = span;
  const { y0: top, y1: bottom } = span.box;
  const inside = runsWithin(runs, span.box);
  const bands = ys.slice(1).map((y, k) => ({ y0: ys[k]!, y1: y, runs: inside.filter((r) => centreY(r.bbox) >= ys[k]! && centreY(r.bbox) < y) }));
  const body = bands.filter((b) => b.runs.some((r) => isDecimalAmount(r.text)));
  if (body.length === 0) return [];
  // a total row's label often spans the code and name columns (spaced out or not): it does not place them
  const bodyRuns = joinLetterSpaced(body.flatMap((b) => b.runs), [], s).filter((r) => !isBareTotalLabel(r.text));
  // the header: the bands above the first data row; its last band names the leaf columns
  const headerRuns = bands.slice(0, bands.indexOf(body[0]!)).flatMap((b) => b.runs);
  const side = s.edges.sideMarginPt;
  const segments = bodySegments(bodyRuns, s);
  const xs = columnLines(segments, leafHeadings(joinLetterSpaced(headerRuns, segments, s), s)).filter((x) => x > from + side && x < to - side);
  if (xs.length < 2) return [];
  const cross = s.edges.crossPt;
  const out: Ruling[] = [];
  for (const band of bands) {
    // a word spaced out is crossed by no line, as a word printed whole
    const words = joinLetterSpaced(band.runs, segments, s);
    for (const x of xs) {
      // an amount's box may overshoot its column's edge a little (glyph boxes estimated): as far as amounts align
      if (words.some((r) => crosses(inkSpan(r), x, isDecimalAmount(r.text) ? Math.max(cross, s.edges.alignPt) : cross))) continue;
      out.push({ orientation: 'v', at: x, from: band.y0, to: band.y1 });
    }
  }
  // the outer borders, so the grid closes
  out.push({ orientation: 'v', at: from, from: top, to: bottom }, { orientation: 'v', at: to, from: top, to: bottom });
  // a line drawn band after band is one line: it reaches past a band whose rules stop short of it
  return mergeRulings(out);
}
