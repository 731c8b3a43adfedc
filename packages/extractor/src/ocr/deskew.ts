import type { GrayImage } from '../pdf/render-page.ts';
import { remapProjective } from './image-ops.ts';

/**
 * Skew of a page in degrees, from the horizontal projection profile: rows of text and table
 * lines give the sharpest profile when they run level. Searched on a reduced image, every
 * 0.1° first, then every `step` near the best.
 */
export function estimateSkew(img: GrayImage, threshold: number, maxDegrees = 3, step = 0.05): number {
  return sharpestAngle(inkPoints(img, threshold), maxDegrees, step);
}

export interface Points {
  xy: Float64Array; // x, y pairs centred on the reduced image
  h: number; // height of the reduced image
}

/**
 * The ink of an image reduced to about 900 pixels across, as centred points; `turned` reads it
 * a quarter turn clockwise (as rotateQuarter(img, 1), without turning its pixels), and `half`
 * keeps the left (0) or right (1) half of that view.
 */
export function inkPoints(img: GrayImage, threshold: number, turned = false, half?: 0 | 1): Points {
  const across = turned ? img.height : img.width;
  const down = turned ? img.width : img.height;
  const [from, to] = half === undefined ? [0, across] : half === 0 ? [0, Math.floor(across / 2)] : [Math.floor(across / 2), across];
  const f = Math.max(1, Math.round((to - from) / 900));
  const w = Math.floor((to - from) / f);
  const h = Math.floor(down / f);
  // the view's pixel (x, y) is the image's column from + x f of row y f, or turned, its column y f of row height - 1 - (from + x f)
  const view: View = turned ? { w, h, at: (img.height - 1 - from) * img.width, dx: -f * img.width, dy: f } : { w, h, at: from, dx: f, dy: f * img.width };
  // counted first, then written: no array grown a point at a time
  const xy = new Float64Array(2 * viewInk(img.data, threshold, view));
  viewInk(img.data, threshold, view, xy);
  return { xy, h };
}

/** A reduced view of an image: `w` × `h` pixels, (x, y) at `at + x dx + y dy` in the image. */
interface View {
  w: number;
  h: number;
  at: number;
  dx: number;
  dy: number;
}

/**
 * The view's pixels at or below `threshold`, counted, and written to `xy` as centred x, y pairs where
 * given; walked along the image's rows (a turned view's columns), in the order they lie in memory:
 * the profile counts points in any order.
 */
function viewInk(data: Uint8Array, threshold: number, { w, h, at, dx, dy }: View, xy?: Float64Array): number {
  const byRow = Math.abs(dx) < Math.abs(dy);
  const [outer, inner, across, along] = byRow ? [h, w, dy, dx] : [w, h, dx, dy];
  let n = 0;
  for (let o = 0; o < outer; o++)
    for (let k = 0, i = at + o * across; k < inner; k++, i += along) {
      if (data[i]! > threshold) continue;
      if (xy) {
        xy[2 * n] = (byRow ? k : o) - w / 2;
        xy[2 * n + 1] = (byRow ? o : k) - h / 2;
      }
      n++;
    }
  return n;
}

/** The turn that makes the points' row profile sharpest (sum of squared row counts). */
function sharpestAngle({ xy, h }: Points, maxDegrees: number, step: number): number {
  if (xy.length < 200) return 0;
  const bins = new Float64Array(h * 2 + 10);
  const score = (deg: number) => {
    const a = (deg * Math.PI) / 180;
    const sin = Math.sin(a);
    const cos = Math.cos(a);
    bins.fill(0);
    for (let i = 0; i < xy.length; i += 2) {
      const yy = Math.round(xy[i]! * sin + xy[i + 1]! * cos + h);
      if (yy >= 0 && yy < bins.length) bins[yy]!++;
    }
    let sum = 0;
    for (let k = 0; k < bins.length; k++) sum += bins[k]! * bins[k]!;
    return sum;
  };
  const best = (from: number, to: number, by: number, start: number) => {
    let at = start;
    let top = -1;
    for (let deg = from; deg <= to + 1e-9; deg += by) {
      const s = score(deg);
      if (s > top) {
        top = s;
        at = deg;
      }
    }
    return at;
  };
  const coarse = Math.max(step, 0.1);
  const near = best(-maxDegrees, maxDegrees, coarse, 0);
  // rotating by the best angle levels the rows: the page is skewed by minus that
  return coarse === step ? near : best(Math.max(-maxDegrees, near - coarse), Math.min(maxDegrees, near + coarse), step, near);
}

/**
 * A page not flat on the glass: once its rows run level its columns may still lean. Leaning
 * 0.3° or more (less is within what the estimate can tell on a page of text), they are sheared
 * upright, so a table's column lines stand straight over its whole height.
 */
export function straightenColumns(img: GrayImage, threshold: number): GrayImage {
  const lean = sharpestAngle(inkPoints(img, threshold, true), 1.5, 0.02);
  if (Math.abs(lean) < 0.3) return img;
  // the columns of the top and the bottom half must lean alike, else the estimate read text, not lines
  const leans = ([0, 1] as const).map((half) => sharpestAngle(inkPoints(img, threshold, true, half), 1.5, 0.02));
  if (leans.some((l) => Math.abs(l - lean) > 0.15)) return img;
  const k = Math.tan((lean * Math.PI) / 180);
  return { ...img, data: remapProjective(img, [1, k, (-k * img.height) / 2, 0, 1, 0, 0, 0]) };
}
