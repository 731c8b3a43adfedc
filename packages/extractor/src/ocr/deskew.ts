import type { GrayImage } from '../pdf/render-page.ts';
import { cropGray, remapProjective, rotateQuarter } from './image-ops.ts';

/**
 * Skew of a page in degrees, from the horizontal projection profile: rows of text and table
 * lines give the sharpest profile when they run level. Searched on a reduced image.
 */
export function estimateSkew(img: GrayImage, threshold: number, maxDegrees = 3, step = 0.05): number {
  const f = Math.max(1, Math.round(img.width / 900));
  const w = Math.floor(img.width / f);
  const h = Math.floor(img.height / f);
  const points: number[] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (img.data[y * f * img.width + x * f]! <= threshold) points.push(x - w / 2, y - h / 2);
  if (points.length < 200) return 0;
  let best = 0;
  let bestScore = -1;
  const bins = new Float64Array(h * 2 + 10);
  for (let deg = -maxDegrees; deg <= maxDegrees + 1e-9; deg += step) {
    const a = (deg * Math.PI) / 180;
    const sin = Math.sin(a);
    const cos = Math.cos(a);
    bins.fill(0);
    for (let i = 0; i < points.length; i += 2) {
      const yy = Math.round(points[i]! * sin + points[i + 1]! * cos + h);
      if (yy >= 0 && yy < bins.length) bins[yy]!++;
    }
    let score = 0;
    for (let k = 0; k < bins.length; k++) score += bins[k]! * bins[k]!;
    if (score > bestScore) {
      bestScore = score;
      best = deg;
    }
  }
  // rotating by `best` levels the rows: the page is skewed by -best
  return best;
}

/**
 * A page not flat on the glass: once its rows run level its columns may still lean. Leaning
 * 0.3° or more (less is within what the estimate can tell on a page of text), they are sheared
 * upright, so a table's column lines stand straight over its whole height.
 */
export function straightenColumns(img: GrayImage, threshold: number): GrayImage {
  const turned = rotateQuarter(img, 1);
  const lean = estimateSkew(turned, threshold, 1.5, 0.02);
  if (Math.abs(lean) < 0.3) return img;
  // the columns of the top and the bottom half must lean alike, else the estimate read text, not lines
  const half = Math.floor(turned.width / 2);
  const leans = [cropGray(turned, { x0: 0, y0: 0, x1: half, y1: turned.height }), cropGray(turned, { x0: half, y0: 0, x1: turned.width, y1: turned.height })].map((h) => estimateSkew(h, threshold, 1.5, 0.02));
  if (leans.some((l) => Math.abs(l - lean) > 0.15)) return img;
  const k = Math.tan((lean * Math.PI) / 180);
  return { ...img, data: remapProjective(img, [1, k, (-k * img.height) / 2, 0, 1, 0, 0, 0]) };
}
