import type { Rect } from './image-ops.ts';

/** Ink at the end of a cell's box, set apart from the rest by this many points of paper (half a character or more: the broken strokes of a faxed 一 stay) and less than SPECK_POINTS² of ink, is a speck. */
const SPECK_GAP_POINTS = 6;
const SPECK_POINTS = 1.2;

/**
 * A cell's ink box without the specks at its ends: a seal's or the paper's dots, a few pixels
 * each and apart from the glyphs, stretch the box over paper, and the recogniser reads them as
 * a character (招426.00) or a digit (4100.00). Trimmed across, then down; the glyphs' own ink is
 * never dropped, the largest group always stays.
 */
export function withoutSpecks(bin: Uint8Array, width: number, box: Rect, scale: number): Rect {
  const gap = Math.max(2, Math.round(scale * SPECK_GAP_POINTS));
  const speck = (scale * SPECK_POINTS) ** 2;
  const across = keptSpan(profile(bin, width, box, 'x'), gap, speck);
  const narrowed = { ...box, x0: box.x0 + across[0], x1: box.x0 + across[1] };
  const down = keptSpan(profile(bin, width, narrowed, 'y'), gap, speck);
  return { ...narrowed, y0: box.y0 + down[0], y1: box.y0 + down[1] };
}

/** Ink counts of a box's columns ('x') or rows ('y'). */
function profile(bin: Uint8Array, width: number, r: Rect, axis: 'x' | 'y'): number[] {
  const out = new Array<number>(axis === 'x' ? r.x1 - r.x0 : r.y1 - r.y0).fill(0);
  for (let y = r.y0; y < r.y1; y++) for (let x = r.x0; x < r.x1; x++) if (bin[y * width + x]) out[axis === 'x' ? x - r.x0 : y - r.y0]!++;
  return out;
}

/** The span of a profile left when groups of ink at its ends, `gap` apart from the rest and under `speck` ink, are dropped. */
export function keptSpan(counts: number[], gap: number, speck: number): [number, number] {
  const groups: Array<{ from: number; to: number; ink: number }> = [];
  let blank = Infinity;
  counts.forEach((n, i) => {
    if (n === 0) return void blank++;
    const last = groups[groups.length - 1];
    if (last && blank < gap) Object.assign(last, { to: i + 1, ink: last.ink + n });
    else groups.push({ from: i, to: i + 1, ink: n });
    blank = 0;
  });
  if (groups.length === 0) return [0, counts.length];
  const largest = groups.reduce((a, b) => (b.ink > a.ink ? b : a));
  let first = 0;
  let last = groups.length - 1;
  while (groups[first] !== largest && groups[first]!.ink < speck) first++;
  while (groups[last] !== largest && groups[last]!.ink < speck) last--;
  return [groups[first]!.from, groups[last]!.to];
}
