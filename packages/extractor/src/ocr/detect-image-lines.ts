import type { Ruling } from '@juesuan/model';

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

/** Long dark runs along one axis, followed across neighbouring rows into line segments. */
function scan(bin: Uint8Array, width: number, height: number, horizontal: boolean, minLength: number): Segment[] {
  const lines = horizontal ? height : width;
  const along = horizontal ? width : height;
  const done: Segment[] = [];
  let open: Segment[] = [];
  for (let l = 0; l < lines; l++) {
    const runs: Array<[number, number]> = [];
    let start = -1;
    let gap = 0;
    for (let p = 0; p <= along; p++) {
      const ink = p < along && bin[horizontal ? l * width + p : p * width + l] === 1;
      if (ink) {
        if (start < 0) start = p;
        gap = 0;
      } else if (start >= 0) {
        gap++;
        if (gap > MAX_GAP || p === along) {
          const end = p - gap + 1;
          if (end - start >= minLength) runs.push([start, end]);
          start = -1;
          gap = 0;
        }
      }
    }
    const next: Segment[] = [];
    for (const [a, b] of runs) {
      const seg = open.find((s) => s.last[0] < b && a < s.last[1] && !next.includes(s));
      if (seg) {
        seg.at1 = l;
        seg.from = Math.min(seg.from, a);
        seg.to = Math.max(seg.to, b);
        seg.last = [a, b];
        next.push(seg);
      } else next.push({ at0: l, at1: l, from: a, to: b, last: [a, b] });
    }
    for (const s of open) if (!next.includes(s)) done.push(s);
    open = next;
  }
  done.push(...open);
  return done.filter((s) => s.at1 - s.at0 + 1 <= MAX_THICKNESS || s.to - s.from > 20 * (s.at1 - s.at0 + 1));
}

/**
 * Table lines on a page image: horizontal and vertical strokes at least `minLength` pixels long,
 * tolerant of small breaks and of a slight slant; returned in page points.
 */
export function detectImageLines(bin: Uint8Array, width: number, height: number, scale: number, minLength = Math.round(scale * 24)): Ruling[] {
  const out: Ruling[] = [];
  for (const s of scan(bin, width, height, true, minLength)) out.push({ orientation: 'h', at: (s.at0 + s.at1 + 1) / 2 / scale, from: s.from / scale, to: s.to / scale });
  for (const s of scan(bin, width, height, false, Math.round(minLength / 2))) out.push({ orientation: 'v', at: (s.at0 + s.at1 + 1) / 2 / scale, from: s.from / scale, to: s.to / scale });
  return out;
}
