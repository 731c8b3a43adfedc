import type { Ruling } from '@juesuan/model';
import { alignedWords } from './image-ops.ts';

/** Gaps a printed line may have (breaks from scanning and noise), in pixels. */
const MAX_GAP = 4;
const MAX_THICKNESS = 10;

interface Segment {
  at0: number; // first row (or column) of the segment
  at1: number;
  from: number;
  to: number;
  last: [number, number]; // extent on the last row seen, to follow a slightly slanted line
}

/** The dark runs of each row (or column) at least `minLength` long, breaks of up to MAX_GAP bridged. */
function darkRuns(bin: Uint8Array, width: number, height: number, horizontal: boolean, minLength: number): Array<Array<[number, number]>> {
  return horizontal ? rowRuns(bin, width, height, minLength) : columnRuns(bin, width, height, minLength);
}

function rowRuns(bin: Uint8Array, width: number, height: number, minLength: number): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  // most of a page is paper, passed over a word at a time
  const words = alignedWords(bin);
  for (let y = 0; y < height; y++) {
    const runs: Array<[number, number]> = [];
    const base = y * width;
    let start = -1;
    let gap = 0;
    for (let p = 0; p <= width; p++) {
      // no run open: four pixels of paper change nothing
      if (start < 0) while ((base + p) % 4 === 0 && p + 4 <= width && words[(base + p) >>> 2] === 0) p += 4;
      if (p < width && bin[base + p] === 1) {
        if (start < 0) start = p;
        gap = 0;
      } else if (start >= 0) {
        gap++;
        if (gap > MAX_GAP || p === width) {
          const end = p - gap + 1;
          if (end - start >= minLength) runs.push([start, end]);
          start = -1;
          gap = 0;
        }
      }
    }
    out.push(runs);
  }
  return out;
}

/** The same along columns, the image walked row by row (a column at a time strides through memory) with each column's run state kept. */
function columnRuns(bin: Uint8Array, width: number, height: number, minLength: number): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = Array.from({ length: width }, () => []);
  const start = new Int32Array(width).fill(-1);
  const gap = new Int32Array(width);
  const words = alignedWords(bin);
  for (let p = 0; p <= height; p++) {
    const base = p * width;
    for (let x = 0; x < width; x++) {
      // four pixels of paper in columns with no run open change nothing (start -1 in all four: their sign bits' and)
      while ((base + x) % 4 === 0 && x + 4 <= width && words[(base + x) >>> 2] === 0 && (start[x]! & start[x + 1]! & start[x + 2]! & start[x + 3]!) < 0) x += 4;
      if (x === width) break;
      if (p < height && bin[base + x] === 1) {
        if (start[x]! < 0) start[x] = p;
        gap[x] = 0;
      } else if (start[x]! >= 0) {
        const g = ++gap[x]!;
        if (g > MAX_GAP || p === height) {
          const end = p - g + 1;
          if (end - start[x]! >= minLength) out[x]!.push([start[x]!, end]);
          start[x] = -1;
          gap[x] = 0;
        }
      }
    }
  }
  return out;
}

/**
 * Runs at least `minLength` long followed across neighbouring rows into line segments. A shorter
 * run carries on a segment where it starts at the segment's end (within a break): a hairline
 * slanting a pixel steps aside, and its last stretch stands in the next row (column) alone.
 */
function segments(runsByLine: Array<Array<[number, number]>>, minLength: number): Segment[] {
  const done: Segment[] = [];
  let open: Segment[] = [];
  for (let l = 0; l < runsByLine.length; l++) {
    const next: Segment[] = [];
    const short: Array<[number, number]> = [];
    for (const [a, b] of runsByLine[l]!) {
      if (b - a < minLength) {
        short.push([a, b]);
        continue;
      }
      const seg = open.find((s) => s.last[0] < b && a < s.last[1] && !next.includes(s));
      if (seg) {
        seg.at1 = l;
        seg.from = Math.min(seg.from, a);
        seg.to = Math.max(seg.to, b);
        seg.last = [a, b];
        next.push(seg);
      } else next.push({ at0: l, at1: l, from: a, to: b, last: [a, b] });
    }
    for (const [a, b] of short) {
      const seg = [...next, ...open].find((s) => (Math.abs(a - s.to) <= MAX_GAP && b > s.to) || (Math.abs(b - s.from) <= MAX_GAP && a < s.from));
      if (!seg) continue;
      seg.at1 = l;
      seg.from = Math.min(seg.from, a);
      seg.to = Math.max(seg.to, b);
      if (!next.includes(seg)) next.push(seg);
    }
    for (const s of open) if (!next.includes(s)) done.push(s);
    open = next;
  }
  done.push(...open);
  return done.filter((s) => s.at1 - s.at0 + 1 <= MAX_THICKNESS || s.to - s.from > 20 * (s.at1 - s.at0 + 1));
}

/** A line broken into dashes (a hairline through a fax's threshold): pieces this long (points)… */
const DASH_PT = 6;
/** …this far apart at most (points), in one row within this much (points)… */
const DASH_GAP_PT = 6;
const DASH_ROW_PT = 0.6;
/** …are one line when together this long (points): longer than a run of glyph strokes in a title. */
const DASHED_LINE_PT = 72;

const centre = (s: Segment) => (s.at0 + s.at1 + 1) / 2;

/** Pieces in one row, each within `gap` of the next, joined; only joins of two or more pieces at least `minLength` long. */
function dashedLines(pieces: Segment[], gap: number, row: number, minLength: number): Segment[] {
  const out: Segment[] = [];
  const sorted = [...pieces].sort((a, b) => centre(a) - centre(b) || a.from - b.from);
  const used = new Set<Segment>();
  for (const p of sorted) {
    if (used.has(p)) continue;
    const chain = { ...p };
    let count = 1;
    used.add(p);
    // take the nearest next piece in the row until none is within the gap
    for (;;) {
      const next = sorted.find((q) => !used.has(q) && Math.abs(centre(q) - centre(chain)) <= row && q.from >= chain.from && q.from - chain.to <= gap);
      if (!next) break;
      used.add(next);
      count++;
      chain.to = Math.max(chain.to, next.to);
      chain.at0 = Math.min(chain.at0, next.at0);
      chain.at1 = Math.max(chain.at1, next.at1);
    }
    if (count > 1 && chain.to - chain.from >= minLength) out.push(chain);
  }
  return out;
}

/** How far from a line (points) the strokes of text around it are looked for… */
const STROKE_BAND_PT = 2;
/** …and the share of its length with ink on both sides that makes it a text line's strokes run together. */
const STROKES_BOTH_SIDES = 0.3;

/**
 * A run of ink with ink close on both sides along much of its length: the strokes of a line of
 * bold or blurred text run together, not a rule (a rule has paper on at least one side, mostly both).
 */
function inText(bin: Uint8Array, width: number, height: number, horizontal: boolean, s: Segment, band: number): boolean {
  const ink = (along: number, across: number) => across >= 0 && across < (horizontal ? height : width) && bin[horizontal ? across * width + along : along * width + across] === 1;
  const side = (along: number, from: number, to: number) => {
    for (let a = from; a <= to; a++) if (ink(along, a)) return true;
    return false;
  };
  let both = 0;
  for (let p = s.from; p < s.to; p++) if (side(p, s.at0 - band, s.at0 - 2) && side(p, s.at1 + 2, s.at1 + band)) both++;
  return both > STROKES_BOTH_SIDES * (s.to - s.from);
}

/**
 * Table lines on a page image: horizontal and vertical strokes at least `minLength` pixels long,
 * tolerant of small breaks and of a slight slant, and lines broken into dashes; in page points.
 */
export function detectImageLines(bin: Uint8Array, width: number, height: number, scale: number, minLength = Math.round(scale * 24)): Ruling[] {
  const out: Ruling[] = [];
  // one pass over the pixels an axis: the runs long enough for a dash serve the long lines too
  const dash = Math.round(scale * DASH_PT);
  const lines = (horizontal: boolean, min: number) => {
    const runs = darkRuns(bin, width, height, horizontal, Math.min(dash, min));
    const dashed = dashedLines(segments(runs, dash), scale * DASH_GAP_PT, scale * DASH_ROW_PT, Math.max(min, scale * DASHED_LINE_PT));
    return [...segments(runs, min), ...dashed].filter((s) => !inText(bin, width, height, horizontal, s, Math.round(scale * STROKE_BAND_PT)));
  };
  for (const s of lines(true, Math.round(minLength))) out.push({ orientation: 'h', at: centre(s) / scale, from: s.from / scale, to: s.to / scale });
  for (const s of lines(false, Math.round(minLength / 2))) out.push({ orientation: 'v', at: centre(s) / scale, from: s.from / scale, to: s.to / scale });
  return out;
}
