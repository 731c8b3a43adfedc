import { glyphCharsOf } from '@juesuan/model';
import type { GrayImage } from '../pdf/render-page.ts';
import type { Rect } from './image-ops.ts';

/**
 * A document's own digits as templates. A report prints every amount in one font, so the digits
 * of its amounts known read right are the best model of that font as this scan degraded it: a
 * fax's 4 that lost its slant still matches the document's average 4 better than its 1.
 */

/** Digits stand about three quarters of their height apart in the fonts reports print (Song, Times): a first guess. */
const PITCH_PER_HEIGHT = 0.75;
/** A template's grid: columns × rows sampled over a digit's advance and the line's height. */
const GRID_W = 10;
const GRID_H = 16;
/** A mark (point or comma) reaches the line's foot and is at most this share of its height. */
const MARK_HEIGHT = 0.45;
/** Pieces of ink are one glyph while together no wider than this share of the digits' pitch (a broken 4's bar and stem). */
const ONE_GLYPH = 0.9;
/** Ink pixels fewer than this are a speck (a point has a dozen at 150 dpi). */
const SPECK = 4;
/** Each digit seen this often among the known amounts at least, or the templates read nothing. */
const MIN_SAMPLES = 2;
/** A reading whose least sure digit beats its runner-up by less than this is not offered. */
const TEMPLATE_MARGIN = 0.04;
/** A glyph less like its likest digit than this is not of the font the templates learned (another table's type, or sampled askew): no reading. */
const MIN_LIKENESS = 0.5;

/** A glyph's place in a cell: its columns, its rows of ink. */
type Slot = Rect;

/** The middle value (the upper of the two middle ones); sorts `xs`. */
export const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs of inked columns in a cell (its binary ink), each with the rows it inks. */
function pieces(bin: Uint8Array, width: number, r: Rect): Slot[] {
  const out: Array<Slot & { ink: number }> = [];
  let cur: (Slot & { ink: number }) | null = null;
  for (let x = Math.floor(r.x0); x < Math.ceil(r.x1); x++) {
    let top = -1;
    let bottom = -1;
    let ink = 0;
    for (let y = Math.floor(r.y0); y < Math.ceil(r.y1); y++) {
      if (!bin[y * width + x]) continue;
      if (top < 0) top = y;
      bottom = y + 1;
      ink++;
    }
    if (top < 0) {
      if (cur) out.push(cur);
      cur = null;
    } else if (cur) {
      cur = { x0: cur.x0, x1: x + 1, y0: Math.min(cur.y0, top), y1: Math.max(cur.y1, bottom), ink: cur.ink + ink };
    } else cur = { x0: x, x1: x + 1, y0: top, y1: bottom, ink };
  }
  if (cur) out.push(cur);
  return out.filter((p) => p.ink >= SPECK).map(({ ink: _, ...p }) => p);
}

/** The line the digits stand on: the median top and bottom of the pieces taller than a mark. */
function lineOf(slots: Slot[]): { top: number; bottom: number } | null {
  const tallest = Math.max(0, ...slots.map((s) => s.y1 - s.y0));
  const tall = slots.filter((s) => s.y1 - s.y0 > tallest * 0.6);
  if (tall.length === 0) return null;
  return { top: median(tall.map((s) => s.y0)), bottom: median(tall.map((s) => s.y1)) };
}

const isMark = (s: Slot, line: { top: number; bottom: number }) => {
  const h = line.bottom - line.top;
  return s.y1 - s.y0 <= h * MARK_HEIGHT && s.y1 >= line.bottom - h * 0.1;
};

/**
 * A cell's glyphs, left to right: pieces of ink joined while together they stay narrower than one
 * digit (closest first), marks kept apart. Without a pitch yet, pieces are glyphs as they are.
 */
export function glyphSlots(bin: Uint8Array, width: number, r: Rect, pitch?: number): { slots: Slot[]; line: { top: number; bottom: number } } | null {
  const slots = pieces(bin, width, r);
  const line = lineOf(slots);
  if (!line) return null;
  if (pitch === undefined) return { slots, line };
  for (;;) {
    let best = -1;
    let gap = Infinity;
    for (let k = 0; k + 1 < slots.length; k++) {
      const [a, b] = [slots[k]!, slots[k + 1]!];
      if (isMark(a, line) || isMark(b, line) || b.x1 - a.x0 > pitch * ONE_GLYPH) continue;
      if (b.x0 - a.x1 < gap) [best, gap] = [k, b.x0 - a.x1];
    }
    if (best < 0) return { slots, line };
    const [a, b] = [slots[best]!, slots[best + 1]!];
    slots.splice(best, 2, { x0: a.x0, x1: b.x1, y0: Math.min(a.y0, b.y0), y1: Math.max(a.y1, b.y1) });
  }
}

/** A digit's sample: ink over a pitch-wide window centred on it and the line's height, centred and of unit length. */
export function sampleOf(img: GrayImage, cx: number, line: { top: number; bottom: number }, pitch: number): Float32Array {
  const v = new Float32Array(GRID_W * GRID_H);
  const [left, top, w, h] = [cx - pitch / 2, line.top, pitch, Math.max(1, line.bottom - line.top)];
  // each grid point the mean of the pixels under it (one at least): the sample is alike whatever the resolution
  const under = (start: number, size: number, k: number, n: number): [number, number] => {
    const from = Math.floor(start + (k * size) / n);
    return [from, Math.max(from + 1, Math.floor(start + ((k + 1) * size) / n))];
  };
  for (let gy = 0; gy < GRID_H; gy++) {
    const [y0, y1] = under(top, h, gy, GRID_H);
    for (let gx = 0; gx < GRID_W; gx++) {
      const [x0, x1] = under(left, w, gx, GRID_W);
      let sum = 0;
      let n = 0;
      for (let y = Math.max(0, y0); y < Math.min(img.height, y1); y++) {
        for (let x = Math.max(0, x0); x < Math.min(img.width, x1); x++) {
          sum += 255 - img.data[y * img.width + x]!;
          n++;
        }
      }
      v[gy * GRID_W + gx] = n ? sum / n : 0;
    }
  }
  return unit(v);
}

function unit(v: Float32Array): Float32Array {
  let mean = 0;
  for (const x of v) mean += x;
  mean /= v.length;
  let norm = 0;
  for (let k = 0; k < v.length; k++) {
    v[k] = v[k]! - mean;
    norm += v[k]! ** 2;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < v.length; k++) v[k] = v[k]! / norm;
  return v;
}

const dot = (a: Float32Array, b: Float32Array) => {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
};

/** A surely read cell: its box of ink and what it read. */
export interface KnownCell {
  rect: Rect;
  text: string;
}

/** A digit's sample and the digit it is. */
export interface DigitSample {
  digit: string;
  v: Float32Array;
}

/**
 * A page's samples of its digits from its known amounts: the cells whose pieces of ink are one to
 * one with their characters (joined for the page's pitch, measured on them); null with too few.
 */
export function pageSamples(img: GrayImage, bin: Uint8Array, cells: KnownCell[]): { spacing: Spacing; samples: DigitSample[] } | null {
  const spacing = spacingOf(aligned(img, bin, cells, (line) => (line.bottom - line.top) * PITCH_PER_HEIGHT));
  if (spacing === null) return null;
  const samples = aligned(img, bin, cells, () => spacing.pitch).flatMap(({ chars, slots, line }) => {
    const at = gridCentres(slots, line, spacing.pitch);
    return chars.flatMap((digit, k) => (/\d/.test(digit) ? [{ digit, v: sampleOf(img, at[k]!, line, spacing.pitch) }] : []));
  });
  return { spacing, samples };
}

/** How far apart a page's digits stand (pixels), for digits `height` pixels high. */
export interface Spacing {
  pitch: number;
  height: number;
}

/** A line this much taller or shorter than the spacing's is another size of type: its pitch scales with it. */
const OTHER_SIZE = 0.15;

/**
 * The glyphs' centres where the font's fixed advances put them, fitted to each run of digits
 * between marks (a mark's advance differs from table to table): a 4 whose slant and bar were lost
 * is sampled where a 4 stands, its stem right of the middle as a 4's is, not centred on what is
 * left of it as a 1 is. A mark keeps its own centre.
 */
function gridCentres(slots: Slot[], line: { top: number; bottom: number }, pitch: number): number[] {
  const centre = (g: Slot) => (g.x0 + g.x1) / 2;
  const out = slots.map(centre);
  let start = 0;
  for (let k = 0; k <= slots.length; k++) {
    if (k < slots.length && !isMark(slots[k]!, line)) continue;
    const run = out.slice(start, k);
    if (run.length > 0) {
      const offset = median(run.map((c, n) => c - n * pitch));
      run.forEach((_, n) => (out[start + n] = offset + n * pitch));
    }
    start = k + 1;
  }
  return out;
}

/**
 * Each digit's mean sample; samples unlike their own digit's mean (a misread taken for known) let
 * go and the means taken again. Null where a digit is seen too seldom.
 */
export function templatesOf(samples: DigitSample[]): Map<string, Float32Array> | null {
  const first = means(samples);
  return first && means(samples.filter((s) => bestDigit(first, s.v).digit === s.digit));
}

type Aligned = { chars: string[]; slots: Slot[]; line: { top: number; bottom: number } };

/** The known cells whose glyphs (joined for a pitch) are one to one with their characters, digits with digits, marks with marks. */
function aligned(img: GrayImage, bin: Uint8Array, cells: KnownCell[], pitch: (line: { top: number; bottom: number }) => number): Aligned[] {
  return cells.flatMap((c) => {
    const chars = glyphCharsOf(c.text);
    const first = glyphSlots(bin, img.width, c.rect);
    const found = first && glyphSlots(bin, img.width, c.rect, pitch(first.line));
    if (!found || found.slots.length !== chars.length || !chars.every((ch, k) => /\d/.test(ch) !== isMark(found.slots[k]!, found.line))) return [];
    return [{ chars, ...found }];
  });
}

/** The median distance between the centres of neighbouring digits, and the digits' median height; null with too few. */
function spacingOf(cells: Aligned[]): Spacing | null {
  const centre = (s: Slot) => (s.x0 + s.x1) / 2;
  const apart = cells.flatMap(({ chars, slots }) => slots.slice(1).flatMap((s, k) => (/\d/.test(chars[k]!) && /\d/.test(chars[k + 1]!) ? [centre(s) - centre(slots[k]!)] : [])));
  if (apart.length < 10) return null;
  return { pitch: median(apart), height: median(cells.map(({ line }) => line.bottom - line.top)) };
}

function means(samples: DigitSample[]): Map<string, Float32Array> | null {
  const out = new Map<string, Float32Array>();
  for (const d of '0123456789') {
    const of = samples.filter((s) => s.digit === d);
    if (of.length < MIN_SAMPLES) return null;
    const m = new Float32Array(GRID_W * GRID_H);
    for (const s of of) for (let k = 0; k < m.length; k++) m[k] = m[k]! + s.v[k]!;
    out.set(d, unit(m));
  }
  return out;
}

function bestDigit(digits: Map<string, Float32Array>, v: Float32Array): { digit: string; score: number; margin: number } {
  const scored = [...digits].map(([digit, t]) => ({ digit, score: dot(t, v) })).sort((a, b) => b.score - a.score);
  return { ...scored[0]!, margin: scored[0]!.score - scored[1]!.score };
}

/** A cell's glyphs as the templates will see them: a mark, or a digit's sample. */
export type Glyph = 'mark' | Float32Array;

/** A cell's glyphs at a page's pitch, to be read once the templates are known. */
export function cellGlyphs(img: GrayImage, bin: Uint8Array, rect: Rect, spacing: Spacing): Glyph[] | null {
  const first = glyphSlots(bin, img.width, rect);
  if (!first) return null;
  // another table's type (a page measured elsewhere in the document): its pitch in proportion to its height
  const ratio = (first.line.bottom - first.line.top) / spacing.height;
  const s = Math.abs(ratio - 1) > OTHER_SIZE ? { ...spacing, pitch: spacing.pitch * ratio } : spacing;
  const found = glyphSlots(bin, img.width, rect, s.pitch);
  if (!found) return null;
  const at = gridCentres(found.slots, found.line, s.pitch);
  return found.slots.map((g, k) => (isMark(g, found.line) ? 'mark' : sampleOf(img, at[k]!, found.line, s.pitch)));
}

/**
 * A cell's amount read by the templates: each glyph the digit it is likest, marks by their place
 * (the last one before two digits the point). Null when a glyph is nearly as like another digit
 * (by less than TEMPLATE_MARGIN) or like none (MIN_LIKENESS), or the glyphs make no amount.
 */
export function readGlyphs(glyphs: Glyph[], digits: Map<string, Float32Array>): { text: string; margin: number } | null {
  let margin = Infinity;
  const chars = glyphs.map((g) => {
    if (g === 'mark') return ',';
    const best = bestDigit(digits, g);
    margin = Math.min(margin, best.score < MIN_LIKENESS ? -1 : best.margin);
    return best.digit;
  });
  const text = chars.join('').replace(/,(\d{2})$/, '.$1');
  if (!/^\d{1,3}(,\d{3})*(\.\d{2})?$|^\d+(\.\d{2})?$/.test(text) || margin < TEMPLATE_MARGIN) return null;
  return { text, margin };
}

/** Each glyph's likeness to each digit 0–9 (to two places; null for a mark): what the document's digits say of every reading of the cell. */
export function glyphLikeness(glyphs: Glyph[], digits: Map<string, Float32Array>): Array<number[] | null> {
  return glyphs.map((g) => (g === 'mark' ? null : [...'0123456789'].map((d) => Math.round(dot(digits.get(d)!, g) * 100) / 100)));
}
