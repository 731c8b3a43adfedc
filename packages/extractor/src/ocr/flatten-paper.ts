import type { GrayImage } from '../pdf/render-page.ts';

/** How the paper's own brightness is estimated and divided out (sizes in PDF points). */
export interface FlattenSettings {
  /** side of the square blocks the paper's tone is sampled in */
  block: number;
  /** share of a block's pixels at or below its paper tone: the bright end, past the ink */
  paperShare: number;
  /** half-width of the closing that fills in blocks of ink (a bold title, a dense line) from the paper around them */
  reach: number;
  /** spread of paper tones over the page below which the page is left as it is: dividing by noise only moves greys */
  minSpread: number;
}

export const DEFAULT_FLATTEN_SETTINGS: FlattenSettings = { block: 4, paperShare: 0.9, reach: 24, minSpread: 24 };

/**
 * "Flatten the paper": a page lit unevenly (a shaded spine, a blotch) has its paper's local
 * brightness estimated over a large window and divided out, so the paper is one tone again and
 * ink keeps its contrast. One global threshold then splits ink from paper over the whole page
 * (a shaded edge would read as ink, or part Otsu's threshold between two paper tones), and the
 * recogniser's crops see white paper. In place; returns the page's grey levels as evened (its
 * greyHistogram, counted as the pixels are written), or null where the page was left as it is.
 */
export function flattenPaper(img: GrayImage, s: FlattenSettings = DEFAULT_FLATTEN_SETTINGS): Uint32Array | null {
  const paper = paperTones(img, s);
  if (paper.brightest - paper.darkest < s.minSpread) return null;
  return divideOut(img, smooth(paper.tones, paper.bw, paper.bh, 1), paper.size, paper.bw, paper.bh, paper.brightest);
}

/** The paper's tone block by block (`size` pixels a side, `bw` × `bh` blocks), and its darkest and brightest. */
export function paperTones(img: GrayImage, s: FlattenSettings = DEFAULT_FLATTEN_SETTINGS) {
  const size = Math.max(2, Math.round(s.block * img.scale));
  const bw = Math.ceil(img.width / size);
  const bh = Math.ceil(img.height / size);
  const tones = closing(blockTones(img, size, bw, bh, s.paperShare), bw, bh, Math.max(1, Math.round(s.reach / s.block)));
  let darkest = 255;
  let brightest = 0;
  for (const v of tones) {
    darkest = Math.min(darkest, v);
    brightest = Math.max(brightest, v);
  }
  return { tones, size, bw, bh, darkest, brightest };
}

/** The paper tone of each block: the grey level below which `share` of its pixels (every other row and column) lie. */
function blockTones(img: GrayImage, size: number, bw: number, bh: number, share: number): Uint8Array {
  const tones = new Uint8Array(bw * bh);
  const hist = new Uint32Array(256);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      hist.fill(0);
      const x0 = bx * size;
      const x1 = Math.min(img.width, x0 + size);
      const y1 = Math.min(img.height, (by + 1) * size);
      let count = 0;
      for (let y = by * size; y < y1; y += 2) {
        for (let i = y * img.width + x0, end = y * img.width + x1; i < end; i += 2) hist[img.data[i]!]!++;
        count += (x1 - x0 + 1) >> 1;
      }
      // from the bright end down: paper blocks stop after a few levels
      const above = (1 - share) * count;
      let v = 255;
      for (let n = hist[255]!; n < above && v > 0; ) n += hist[--v]!;
      tones[by * bw + bx] = v;
    }
  }
  return tones;
}

/** Greatest (`greatest`) or least value within `r` blocks along rows, then along columns. */
function filter(src: Uint8Array, w: number, h: number, r: number, greatest: boolean): Uint8Array {
  // `lines` lines of `len` values, the k-th value of line l at l * across + k * step
  const along = (from: Uint8Array, lines: number, len: number, across: number, step: number) => {
    const out = new Uint8Array(from.length);
    for (let l = 0; l < lines; l++)
      for (let k = 0; k < len; k++) {
        let v = from[l * across + k * step]!;
        // compared in line: Math.max handed in as a function was called for every value
        for (let j = Math.max(0, k - r); j <= Math.min(len - 1, k + r); j++) {
          const u = from[l * across + j * step]!;
          if (greatest ? u > v : u < v) v = u;
        }
        out[l * across + k * step] = v;
      }
    return out;
  };
  return along(along(src, h, w, w, 1), w, h, 1, w);
}

/** Brightest then darkest over the window: ink narrower than the window goes, a gradient of light stays. */
const closing = (tones: Uint8Array, w: number, h: number, r: number) => filter(filter(tones, w, h, r, true), w, h, r, false);

/** Mean over a (2r+1)² window of blocks: the steps between blocks softened. */
function smooth(src: Uint8Array, w: number, h: number, r: number): Float32Array {
  const out = new Float32Array(src.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let sum = 0;
      let n = 0;
      for (let yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++)
        for (let xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
          sum += src[yy * w + xx]!;
          n++;
        }
      out[y * w + x] = sum / n;
    }
  return out;
}

/**
 * Each pixel scaled by `white` over its paper's tone (bilinear between block centres), paper
 * brighter than that clipped; the grey levels written, counted. A row's tones are found first, then
 * its pixels divided (rounded by truncating half up: Math.round took half the time).
 */
function divideOut(img: GrayImage, paper: Float32Array, size: number, bw: number, bh: number, white: number): Uint32Array {
  const { width, data } = img;
  const at = (p: number, n: number) => Math.min(n - 1, Math.max(0, (p + 0.5) / size - 0.5));
  const left = Int32Array.from({ length: width }, (_, x) => Math.floor(at(x, bw)));
  const right = Int32Array.from(left, (k) => Math.min(bw - 1, k + 1));
  const share = Float32Array.from({ length: width }, (_, x) => at(x, bw) - left[x]!);
  const line = new Float32Array(bw);
  const tone = new Float64Array(width);
  const levels = new Uint32Array(256);
  for (let y = 0; y < img.height; y++) {
    const fy = at(y, bh);
    const y0 = Math.floor(fy);
    const y1 = Math.min(bh - 1, y0 + 1);
    for (let k = 0; k < bw; k++) line[k] = paper[y0 * bw + k]! * (1 - fy + y0) + paper[y1 * bw + k]! * (fy - y0);
    for (let x = 0; x < width; x++) {
      const t = line[left[x]!]! + (line[right[x]!]! - line[left[x]!]!) * share[x]!;
      tone[x] = t > 1 ? t : 1;
    }
    for (let x = 0, i = y * width; x < width; x++, i++) {
      const v = ((data[i]! * white) / tone[x]! + 0.5) | 0;
      const level = v > 255 ? 255 : v;
      data[i] = level;
      levels[level]!++;
    }
  }
  return levels;
}
