import type { GrayImage } from '../pdf/render-page.ts';

/**
 * How many pixels at each grey level. Four counts kept apart and added at the end: a black-and-white
 * page sends nearly every pixel to one of two levels, and one count would wait on itself each pixel.
 */
export function greyHistogram(data: Uint8Array): Uint32Array {
  const a = new Uint32Array(256);
  const b = new Uint32Array(256);
  const c = new Uint32Array(256);
  const d = new Uint32Array(256);
  const n = data.length - (data.length % 4);
  let i = 0;
  for (; i < n; i += 4) {
    a[data[i]!]!++;
    b[data[i + 1]!]!++;
    c[data[i + 2]!]!++;
    d[data[i + 3]!]!++;
  }
  for (; i < data.length; i++) a[data[i]!]!++;
  for (let v = 0; v < 256; v++) a[v] = a[v]! + b[v]! + c[v]! + d[v]!;
  return a;
}

/**
 * Otsu's threshold: the grey level that best splits ink from paper; where levels tie (no pixel
 * between them: a black-and-white scan), the middle of the tie, so greys that straightening or
 * scaling makes of its edges split evenly, not all to paper. `hist` is the image's greyHistogram.
 */
export function otsuThreshold(img: GrayImage, hist = greyHistogram(img.data)): number {
  const total = img.data.length;
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  let tiedTo = threshold;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = tiedTo = t;
    } else if (between === best) tiedTo = t;
  }
  return Math.floor((threshold + tiedTo) / 2);
}

/** Halfway from the ink threshold to white: the grey fringe of a blurred stroke counts as ink. */
export const faintInkThreshold = (threshold: number): number => Math.round((threshold + 255) / 2);

/** Share of a page's pixels at its two commonest levels that makes it black and white (a fax, a 1-bit scan). */
const BILEVEL_SHARE = 0.99;

/** Whether the image is black and white: nearly every pixel at one of two levels (`hist`, its greyHistogram). */
export function isBilevel(img: GrayImage, hist = greyHistogram(img.data)): boolean {
  const [a, b] = [...hist].sort((x, y) => y - x);
  return a! + b! >= BILEVEL_SHARE * img.data.length;
}

/** 1 where the pixel is ink. */
export function binarize(img: GrayImage, threshold = otsuThreshold(img)): Uint8Array {
  const src = img.data;
  const out = new Uint8Array(src.length);
  const t = Math.floor(threshold);
  // four pixels a step where they are aligned for it and t is a grey level: twice as quick on a page
  const words = t >= 0 && t <= 255 ? alignedWords(src) : new Uint32Array(0);
  inkWords(words, new Uint32Array(out.buffer, 0, words.length), t);
  // v <= t as (t - v)'s sign bit, without a branch
  for (let i = words.length * 4; i < out.length; i++) out[i] = ((t - src[i]!) >>> 31) ^ 1;
  return out;
}

/** Bytes read four at a time, as 32-bit words (the last one to three left out), where they are aligned for it; else no words. */
export function alignedWords(bytes: Uint8Array): Uint32Array {
  return bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2) : new Uint32Array(0);
}

/**
 * Four pixels a word, each byte set to 1 where its level is at most `t` (0..255), else 0: a level
 * is above t where adding 255 - t to it carries out of its byte. That carry comes from the bytes'
 * top bits and the sum of their low seven bits, which cannot spill into the next byte.
 */
export function inkWords(src: Uint32Array, out: Uint32Array, t: number): void {
  const add = (255 - t) * 0x01010101;
  const addLow = add & 0x7f7f7f7f;
  for (let i = 0; i < src.length; i++) {
    const v = src[i]!;
    const low = (v & 0x7f7f7f7f) + addLow;
    // a carry out of bit 7: both top bits set, or either with a carry into it
    const carry = ((v & add) | (low & (v ^ add))) & 0x80808080;
    out[i] = (carry >>> 7) ^ 0x01010101;
  }
}

/** Rotates about the centre by `degrees` (positive = counter-clockwise on screen), white outside. */
export function rotateGray(img: GrayImage, degrees: number): GrayImage {
  if (Math.abs(degrees) < 0.01) return img;
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = img.width / 2;
  const cy = img.height / 2;
  // inverse mapping: where in the source does (x, y) come from
  return { ...img, data: remapProjective(img, [cos, -sin, cx - cos * cx + sin * cy, sin, cos, cy - sin * cx - cos * cy, 0, 0]) };
}

/**
 * A new image whose pixel (x, y) is sampled (bilinear, white outside) from the source at the
 * projective map `h` of (x, y): sx = (h0 x + h1 y + h2) / d, sy = (h3 x + h4 y + h5) / d,
 * d = h6 x + h7 y + 1. A turn is the case h6 = h7 = 0.
 */
export function remapProjective(img: Pick<GrayImage, 'width' | 'height' | 'data'>, h: readonly number[]): Uint8Array {
  const { width: w, height: ht, data: src } = img;
  const [h0, h1, h2, h3, h4, h5, h6, h7] = h as [number, number, number, number, number, number, number, number];
  const out = new Uint8Array(w * ht).fill(255);
  // a turn or a shear: d is 1, not divided by (the same numbers to the last bit), and a row is a loop of its own
  if (h6 === 0 && h7 === 0 && h.every(Number.isFinite)) {
    for (let y = 0; y < ht; y++) affineRow(src, w, ht, out, y * w, [h0, h1 * y, h2, h3, h4 * y, h5]);
    return out;
  }
  for (let y = 0; y < ht; y++) {
    const h1y = h1 * y;
    const h4y = h4 * y;
    const h7y = h7 * y;
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const d = h6 * x + h7y + 1;
      const sx = (h0 * x + h1y + h2) / d;
      const sy = (h3 * x + h4y + h5) / d;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= ht) continue;
      out[row + x] = bilinear(src, w, y0 * w + x0, sx - x0, sy - y0);
    }
  }
  return out;
}

/**
 * One row of an affine remap: pixel x from the source at (h0 x + h1y + h2, h3 x + h4y + h5), finite.
 * Inside the source is told on the coordinates themselves (floor(s) >= 0 is s >= 0; floor(s) + 1 < n is s < n - 1),
 * and a coordinate found inside is floored by truncation: no Math.floor a pixel.
 */
function affineRow(src: Uint8Array, w: number, ht: number, out: Uint8Array, row: number, [h0, h1y, h2, h3, h4y, h5]: readonly number[]): void {
  for (let x = 0; x < w; x++) {
    const sx = h0! * x + h1y! + h2!;
    const sy = h3! * x + h4y! + h5!;
    if (!(sx >= 0 && sy >= 0 && sx < w - 1 && sy < ht - 1)) continue;
    const x0 = sx | 0;
    const y0 = sy | 0;
    out[row + x] = bilinear(src, w, y0 * w + x0, sx - x0, sy - y0);
  }
}

/** The source between its pixels at i, i + 1, i + w and i + w + 1, `fx` and `fy` past the first. */
function bilinear(src: Uint8Array, w: number, i: number, fx: number, fy: number): number {
  const top = src[i]! * (1 - fx) + src[i + 1]! * fx;
  const bottom = src[i + w]! * (1 - fx) + src[i + w + 1]! * fx;
  return top * (1 - fy) + bottom * fy;
}

/** Turns by quarter turns clockwise on screen (1 = 90°, 3 = 270°), exactly, pixel for pixel. */
export function rotateQuarter(img: GrayImage, turns: 1 | 2 | 3): GrayImage {
  const { width: w, height: h } = img;
  const out = new Uint8Array(w * h);
  if (turns === 2) {
    for (let i = 0; i < out.length; i++) out[i] = img.data[out.length - 1 - i]!;
    return { ...img, data: out };
  }
  // the turned image is h wide and w high
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = img.data[y * w + x]!;
      if (turns === 1) out[x * h + (h - 1 - y)] = v;
      else out[(w - 1 - x) * h + y] = v;
    }
  }
  return { ...img, width: h, height: w, data: out };
}

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A region in whole pixels, kept inside the image. */
function pixelsOf(img: Pick<GrayImage, 'width' | 'height'>, r: Rect): { x0: number; y0: number; x1: number; y1: number } {
  return { x0: Math.max(0, Math.floor(r.x0)), y0: Math.max(0, Math.floor(r.y0)), x1: Math.min(img.width, Math.ceil(r.x1)), y1: Math.min(img.height, Math.ceil(r.y1)) };
}

/** Sets every pixel of a region to `value`, in place (255 whitens a grey image, 0 clears a binary one). */
export function fillRegion(img: Pick<GrayImage, 'width' | 'height' | 'data'>, r: Rect, value: number): void {
  const { x0, y0, x1, y1 } = pixelsOf(img, r);
  if (x1 <= x0) return;
  for (let y = y0; y < y1; y++) img.data.fill(value, y * img.width + x0, y * img.width + x1);
}

/** A region cut out as an image of its own. */
export function cropGray(img: GrayImage, r: Rect): GrayImage {
  const { x0, y0, x1, y1 } = pixelsOf(img, r);
  const w = Math.max(0, x1 - x0);
  const h = Math.max(0, y1 - y0);
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) data.set(img.data.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + x0 + w), y * w);
  return { ...img, width: w, height: h, data };
}

/** An image at half its size, each pixel the mean of four. */
export function halveGray(img: GrayImage): GrayImage {
  const [w, h] = [Math.floor(img.width / 2), Math.floor(img.height / 2)];
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const at = 2 * y * img.width + 2 * x;
      data[y * w + x] = (img.data[at]! + img.data[at + 1]! + img.data[at + img.width]! + img.data[at + img.width + 1]! + 2) >> 2;
    }
  return { width: w, height: h, data, scale: img.scale / 2 };
}

/**
 * Grey levels of a region mapped so its faint strokes darken: its darkest ink goes black, paper
 * stays white, and the greys between are squared towards black. A blurred hairline (the slant
 * of a 4 in light type) then survives the recogniser's own threshold instead of leaving a 1.
 */
export function inkTones(img: GrayImage, r: Rect): Uint8Array {
  const { x0, y0, x1, y1 } = pixelsOf(img, r);
  let darkest = 255;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) darkest = Math.min(darkest, img.data[y * img.width + x]!);
  const tones = new Uint8Array(256);
  for (let v = 0; v < 256; v++) tones[v] = Math.round(255 * Math.max(0, Math.min(1, (v - darkest) / Math.max(1, 255 - darkest))) ** 2);
  return tones;
}

/** A region of whole pixels: its corner and size. */
export interface PixelBox {
  x0: number;
  y0: number;
  w: number;
  h: number;
}

/** Where a pixel of a drawing `up` times larger falls in the source (within 0..n-1): the pixel before, and how far past it. */
function sourceAt(i: number, up: number, n: number): [number, number, number] {
  const s = Math.min(n - 1, Math.max(0, (i + 0.5) / up - 0.5));
  const at = Math.floor(s);
  return [at, Math.min(n - 1, at + 1), s - at];
}

/**
 * A region drawn `up` times larger into `out` (`width` pixels a row) with its top left at
 * (left, top), each pixel between its four nearest in the source: drawn blocky, sharp print
 * misreads (a clean 300-dpi scan's 572.56 and 50.00 read 072.56 and 00.00). `tones` maps grey levels.
 */
export function drawEnlarged(img: GrayImage, box: PixelBox, up: number, out: Uint8Array, width: number, at: { left: number; top: number }, tones?: Uint8Array | null): void {
  if (up === 1) return drawAsIs(img, box, out, width, at, tones);
  const { before, after, past } = sourcesAt(box.w * up, up, box.w);
  for (let y = 0; y < box.h * up; y++) {
    const [ya, yb, fy] = sourceAt(y, up, box.h);
    const [ra, rb] = [(box.y0 + ya) * img.width + box.x0, (box.y0 + yb) * img.width + box.x0];
    const to = (at.top + y) * width + at.left;
    for (let x = 0; x < box.w * up; x++) {
      const [xa, xb, fx] = [before[x]!, after[x]!, past[x]!];
      const top = img.data[ra + xa]! + (img.data[ra + xb]! - img.data[ra + xa]!) * fx;
      const bottom = img.data[rb + xa]! + (img.data[rb + xb]! - img.data[rb + xa]!) * fx;
      const v = Math.round(top + (bottom - top) * fy);
      out[to + x] = tones ? tones[v]! : v;
    }
  }
}

/** sourceAt for each of `count` pixels, in typed arrays: read for every pixel of every row, no tuple a pixel to unpack. */
function sourcesAt(count: number, up: number, n: number): { before: Int32Array; after: Int32Array; past: Float64Array } {
  const [before, after, past] = [new Int32Array(count), new Int32Array(count), new Float64Array(count)];
  for (let i = 0; i < count; i++) [before[i], after[i], past[i]] = sourceAt(i, up, n);
  return { before, after, past };
}

/** A region copied into `out` at its own size (drawEnlarged once: no interpolation to do), `tones` mapping grey levels. */
function drawAsIs(img: GrayImage, box: PixelBox, out: Uint8Array, width: number, at: { left: number; top: number }, tones?: Uint8Array | null): void {
  for (let y = 0; y < box.h; y++) {
    const row = img.data.subarray((box.y0 + y) * img.width + box.x0, (box.y0 + y) * img.width + box.x0 + box.w);
    out.set(tones ? row.map((v) => tones[v]!) : row, (at.top + y) * width + at.left);
  }
}

/** A region as a binary PGM (P5) file, the simplest format the recogniser reads; `tones` maps its grey levels. */
export function toPgm(img: GrayImage, r: Rect, scaleUp = 1, tones?: Uint8Array): Buffer {
  const { x0, y0, x1, y1 } = pixelsOf(img, r);
  const w = Math.max(1, x1 - x0);
  const h = Math.max(1, y1 - y0);
  const pad = 8; // a white margin helps the recogniser find the first and last glyphs
  const W = w * scaleUp + 2 * pad;
  const H = h * scaleUp + 2 * pad;
  const { pgm, body } = blankPgm(W, H);
  drawEnlarged(img, { x0, y0, w, h }, scaleUp, body, W, { left: pad, top: pad }, tones);
  return pgm;
}

/** A white PGM image `width` × `height`, and its pixels (a view of it) to draw in: no copy to join header and pixels. */
export function blankPgm(width: number, height: number): { pgm: Buffer; body: Buffer } {
  const header = `P5\n${width} ${height}\n255\n`;
  const pgm = Buffer.allocUnsafe(header.length + width * height);
  pgm.write(header, 0, 'latin1');
  const body = pgm.subarray(header.length).fill(255);
  return { pgm, body };
}

/**
 * A binary PGM drawn narrower, `share` of its width (each pixel the mean of the pixels it covers),
 * its height kept; the image itself when nothing would change.
 */
export function narrowPgm(pgm: Buffer, share: number): Buffer {
  // most calls read at the whole width: nothing parsed for them
  if (share >= 1) return pgm;
  const head = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40));
  if (!head) return pgm;
  const [W, H, at] = [Number(head[1]), Number(head[2]), head[0].length];
  const w = Math.max(1, Math.round(W * share));
  if (w === W) return pgm;
  const { pgm: out, body } = blankPgm(w, H);
  const step = W / w;
  const { from, first, weights } = narrowSpans(W, w);
  // loops over typed arrays: a closure a pixel took most of the time
  for (let y = 0; y < H; y++) {
    const row = at + y * W;
    for (let x = 0; x < w; x++) {
      let sum = 0;
      for (let j = first[x]!, p = row + from[x]!; j < first[x + 1]!; j++, p++) sum += weights[j]! * pgm[p]!;
      body[y * w + x] = Math.round(sum / step);
    }
  }
  return out;
}

/**
 * Each of `w` new columns over `W` old ones: the old column it starts at (`from`), and the weights of
 * the old columns it covers, each column's from `first[x]` to `first[x + 1]`; once for every row.
 */
function narrowSpans(W: number, w: number): { from: Int32Array; first: Int32Array; weights: Float64Array } {
  const step = W / w;
  const from = new Int32Array(w);
  const first = new Int32Array(w + 1);
  const weights: number[] = [];
  for (let x = 0; x < w; x++) {
    const [a, b] = [x * step, (x + 1) * step];
    from[x] = Math.floor(a);
    first[x] = weights.length;
    for (let k = 0; k < Math.min(W, Math.ceil(b)) - from[x]!; k++) weights.push(Math.min(b, from[x]! + k + 1) - Math.max(a, from[x]! + k));
  }
  first[w] = weights.length;
  return { from, first, weights: Float64Array.from(weights) };
}

/** Ink pixels in a region, and the box that holds them. */
export function inkIn(bin: Uint8Array, width: number, r: Rect): { count: number; box: Rect | null } {
  let count = 0;
  let bx0 = Infinity;
  let by0 = Infinity;
  let bx1 = -1;
  let by1 = -1;
  for (let y = Math.max(0, Math.floor(r.y0)); y < Math.ceil(r.y1); y++) {
    for (let x = Math.max(0, Math.floor(r.x0)); x < Math.min(width, Math.ceil(r.x1)); x++) {
      if (bin[y * width + x]) {
        count++;
        if (x < bx0) bx0 = x;
        if (x > bx1) bx1 = x;
        if (y < by0) by0 = y;
        if (y > by1) by1 = y;
      }
    }
  }
  return { count, box: count ? { x0: bx0, y0: by0, x1: bx1 + 1, y1: by1 + 1 } : null };
}

/** Rows of ink inside a region grouped into text lines (runs of inked rows). */
export function textLineBands(bin: Uint8Array, width: number, r: Rect, minInk = 2): Array<[number, number]> {
  const bands: Array<[number, number]> = [];
  let start = -1;
  for (let y = Math.floor(r.y0); y < Math.ceil(r.y1); y++) {
    let ink = 0;
    // counted only up to minInk: a row of text is told by its first few ink pixels
    for (let x = Math.floor(r.x0), end = Math.ceil(r.x1), at = y * width; x < end && ink < minInk; x++) ink += bin[at + x]!;
    if (ink >= minInk && start < 0) start = y;
    if (ink < minInk && start >= 0) {
      bands.push([start, y]);
      start = -1;
    }
  }
  if (start >= 0) bands.push([start, Math.ceil(r.y1)]);
  return bands.filter(([a, b]) => b - a >= 4);
}

/**
 * A cell's region less the rule left at its edges: rows (columns) inked over much of the width
 * (most of the height), side by side from an edge and within `margin` pixels of it, are the edge
 * of a blurred or slanted table line, not text, and the region is cut past them. Left in, they
 * read as 一, E or L in an empty cell, and turn a column of amounts into one of text.
 */
export function withoutRuleResidue(bin: Uint8Array, width: number, r: Rect, margin: number): Rect {
  const x0 = Math.floor(r.x0);
  const x1 = Math.ceil(r.x1);
  const y0 = Math.floor(r.y0);
  const y1 = Math.ceil(r.y1);
  if (x1 - x0 < 4 || y1 - y0 < 4) return r;
  const w = bin.length / width;
  const at = (x: number, y: number) => (x >= 0 && x < width && y >= 0 && y < w ? bin[y * width + x]! : 0);
  // every ink pixel of a line of pixels sits beside ink in the line beyond it (a slanted rule's tail)
  const resting = (pixels: Array<[number, number]>, dx: number, dy: number) =>
    pixels.every(([x, y]) => !at(x, y) || at(x + dx - dy, y + dy - dx) || at(x + dx, y + dy) || at(x + dx + dy, y + dy + dx));
  const row = (y: number) => Array.from({ length: x1 - x0 }, (_, k): [number, number] => [x0 + k, y]);
  const inkOf = (pixels: Array<[number, number]>) => pixels.reduce((n, [x, y]) => n + at(x, y), 0);
  // a slanted rule's tail runs in from a side: its pixels reach one end of the row (column), a glyph's do not
  const reachesEnd = (pixels: Array<[number, number]>) => [pixels[0]!, pixels[1]!, pixels[pixels.length - 2]!, pixels[pixels.length - 1]!].some(([x, y]) => at(x, y));
  // a row is the rule's when inked across much of it, or when all its ink rests on the rule's beyond it
  const rowOfRule = (y: number, dy: number) => {
    const n = inkOf(row(y));
    return n >= ROW_RESIDUE * (x1 - x0) || (n > 0 && reachesEnd(row(y)) && resting(row(y), 0, dy));
  };
  let top = y0;
  while (top < Math.min(y1, y0 + margin) && rowOfRule(top, -1)) top++;
  let bottom = y1;
  while (bottom > Math.max(top, y1 - margin) && rowOfRule(bottom - 1, 1)) bottom--;
  const column = (x: number) => Array.from({ length: bottom - top }, (_, k): [number, number] => [x, top + k]);
  // a column, when inked over most of its height, or thinly and resting on the rule's ink beyond it (not a digit's stem)
  const columnOfRule = (x: number, dx: number) => {
    const n = inkOf(column(x));
    return n >= COLUMN_RESIDUE * (bottom - top) || (n > 0 && n <= THIN_RESIDUE * (bottom - top) && reachesEnd(column(x)) && n <= inkOf(column(x + dx)) && resting(column(x), dx, 0));
  };
  let left = x0;
  while (left < Math.min(x1, x0 + margin) && columnOfRule(left, -1)) left++;
  let right = x1;
  while (right > Math.max(left, x1 - margin) && columnOfRule(right - 1, 1)) right--;
  return { x0: left, y0: top, x1: right, y1: bottom };
}

/** Shares of a row (column) inked from which, at a cell's edge, it is a rule's edge: a slanted rule inks part of a row; a digit at a side, not most of a column. */
const ROW_RESIDUE = 0.25;
const COLUMN_RESIDUE = 0.75;
const THIN_RESIDUE = 0.4;

/**
 * An image with every pixel set to the darkest (`thicker`) or lightest (`thinner`) of its 3×3
 * neighbours: strokes a binarized fax lost grow back together; strokes heavy print ran together part.
 * Done as a row pass then a column pass (the 3×3 extreme is the extreme of three row extremes), and
 * only `within` a region where given (the cells to read): the pixels outside it are the source's.
 */
export function strokesFiltered(img: GrayImage, strokes: 'thicker' | 'thinner', within?: Rect): GrayImage {
  const { width: w, height: h, data: src } = img;
  const r = within ?? { x0: 0, y0: 0, x1: w, y1: h };
  const [x0, x1] = [Math.max(0, Math.floor(r.x0)), Math.min(w, Math.ceil(r.x1))];
  const [y0, y1] = [Math.max(0, Math.floor(r.y0)), Math.min(h, Math.ceil(r.y1))];
  // the extreme of three written out for each way, chosen in the loop: a closure a pixel took a third of the filter's time
  const thicker = strokes === 'thicker';
  // the row pass over the region's rows and the one above and below it, which the column pass reads
  const [top, bottom] = [Math.max(0, y0 - 1), Math.min(h, y1 + 1)];
  const rows = new Uint8Array(w * Math.max(0, bottom - top));
  for (let y = top; y < bottom; y++) {
    const [at, to] = [y * w, (y - top) * w];
    for (let x = x0; x < x1; x++) rows[to + x] = extreme(thicker, src[at + x]!, src[at + (x > 0 ? x - 1 : x)]!, src[at + (x + 1 < w ? x + 1 : x)]!);
  }
  const data = within ? src.slice() : new Uint8Array(w * h);
  for (let y = y0; y < y1; y++) {
    const to = (y - top) * w;
    const up = y > 0 ? to - w : to;
    const down = y + 1 < h ? to + w : to;
    for (let x = x0; x < x1; x++) data[y * w + x] = extreme(thicker, rows[to + x]!, rows[up + x]!, rows[down + x]!);
  }
  return { ...img, data };
}

/** The least of three (`least`), else the greatest. */
const extreme = (least: boolean, a: number, b: number, c: number) => (least ? (a < b ? (a < c ? a : c) : b < c ? b : c) : a > b ? (a > c ? a : c) : b > c ? b : c);
