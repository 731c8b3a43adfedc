/**
 * What a scanner and a tired office printer do to a page, one effect a function, on a page
 * image held as one (grey) or three (red, green, blue) 8-bit planes. All effects are seeded by
 * the caller's generator, so a profile gives the same pages on every machine.
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { remapProjective } from '../../packages/extractor/src/ocr/image-ops.ts';

export interface Planes {
  width: number;
  height: number;
  /** one plane (grey) or three (r, g, b) */
  planes: Uint8Array[];
}

export type Rand = () => number;

/** A small deterministic generator, so the scans are the same on every machine. */
export function seeded(seed: number): Rand {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every plane through the same per-pixel map, rounded and clamped as canvas pixels are. */
function mapPixels(img: Planes, f: (v: number, i: number) => number): Planes {
  const map = (p: Uint8Array) => {
    const out = new Uint8ClampedArray(p.length);
    for (let i = 0; i < p.length; i++) out[i] = f(p[i]!, i);
    return new Uint8Array(out.buffer);
  };
  return { ...img, planes: img.planes.map(map) };
}

/** Faint print (a worn toner cartridge: ink only `strength` as dark) or heavy print. */
export function faint(img: Planes, strength: number): Planes {
  return mapPixels(img, (v) => 255 - (255 - v) * strength);
}

/** Heavy print: strokes thickened by `radius` pixels (a minimum filter). */
export function heavy(img: Planes, radius: number): Planes {
  const { width: w, height: h } = img;
  const erode = (p: Uint8Array) => {
    const across = new Uint8Array(p.length);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        let m = 255;
        for (let d = -radius; d <= radius; d++) m = Math.min(m, p[y * w + Math.min(w - 1, Math.max(0, x + d))]!);
        across[y * w + x] = m;
      }
    const out = new Uint8Array(p.length);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        let m = 255;
        for (let d = -radius; d <= radius; d++) m = Math.min(m, across[Math.min(h - 1, Math.max(0, y + d)) * w + x]!);
        out[y * w + x] = m;
      }
    return out;
  };
  return { ...img, planes: img.planes.map(erode) };
}

/** Gaussian blur, separable, of `sigma` pixels. */
export function blur(img: Planes, sigma: number): Planes {
  if (sigma <= 0) return img;
  const r = Math.ceil(sigma * 3);
  const k = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = k.reduce((a, b) => a + b, 0);
  const kernel = k.map((v) => v / sum);
  const { width: w, height: h } = img;
  const pass = (src: Uint8Array, horizontal: boolean) => {
    const out = new Uint8Array(src.length);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        let acc = 0;
        for (let d = -r; d <= r; d++) {
          const xx = horizontal ? Math.min(w - 1, Math.max(0, x + d)) : x;
          const yy = horizontal ? y : Math.min(h - 1, Math.max(0, y + d));
          acc += src[yy * w + xx]! * kernel[d + r]!;
        }
        out[y * w + x] = acc;
      }
    return out;
  };
  return { ...img, planes: img.planes.map((p) => pass(pass(p, true), false)) };
}

/** Sensor noise: each pixel moved by up to ±amplitude/2 grey levels (the same in every plane). */
export function noise(img: Planes, amplitude: number, rand: Rand): Planes {
  if (amplitude <= 0) return img;
  const n = new Float64Array(img.width * img.height).map(() => (rand() - 0.5) * amplitude);
  return mapPixels(img, (v, i) => v + n[i]!);
}

/**
 * Uneven light: paper darkened towards one edge (the spine of a bound report) and in a soft
 * blotch, by up to `depth` grey levels.
 */
export function unevenBackground(img: Planes, depth: number, rand: Rand): Planes {
  const { width: w, height: h } = img;
  const fromLeft = rand() < 0.5;
  const bx = rand() * w;
  const by = rand() * h;
  const br = (0.25 + rand() * 0.25) * Math.max(w, h);
  const shade = new Float32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const edge = Math.max(0, 1 - (fromLeft ? x : w - 1 - x) / (w * 0.35)) ** 2;
      const blotch = Math.exp(-((x - bx) ** 2 + (y - by) ** 2) / (br * br));
      shade[y * w + x] = 1 - (depth / 255) * Math.min(1, edge + 0.6 * blotch);
    }
  return mapPixels(img, (v, i) => v * shade[i]!);
}

/** Solves the 8 unknowns of a homography mapping 4 points `from` onto 4 points `to`. */
function homography(from: Array<[number, number]>, to: Array<[number, number]>): number[] {
  const a: number[][] = [];
  from.forEach(([x, y], i) => {
    const [u, v] = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  });
  for (let c = 0; c < 8; c++) {
    const p = a.slice(c).reduce((best, row, k) => (Math.abs(row[c]!) > Math.abs(a[best]![c]!) ? c + k : best), c);
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < 9; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return a.map((row, i) => row[8]! / row[i]!);
}

/**
 * The page not square on the glass: its corners moved by up to `amount` of the page width and
 * the rest following (bilinear sampling, white outside). `degrees` turns it as well.
 */
export function warp(img: Planes, degrees: number, amount: number, rand: Rand): Planes {
  const { width: w, height: h } = img;
  const a = (degrees * Math.PI) / 180;
  const cx = w / 2;
  const cy = h / 2;
  const corners: Array<[number, number]> = [
    [0, 0],
    [w, 0],
    [w, h],
    [0, h],
  ];
  // where each output corner comes from in the source: turned about the centre, then nudged
  const sources = corners.map(([x, y]): [number, number] => {
    const dx = x - cx;
    const dy = y - cy;
    const jx = amount > 0 ? (rand() - 0.5) * 2 * amount * w : 0;
    const jy = amount > 0 ? (rand() - 0.5) * 2 * amount * w : 0;
    return [Math.cos(a) * dx - Math.sin(a) * dy + cx + jx, Math.sin(a) * dx + Math.cos(a) * dy + cy + jy];
  });
  const H = homography(corners, sources);
  return { ...img, planes: img.planes.map((data) => remapProjective({ width: w, height: h, data }, H)) };
}

/** Fax-like: every pixel black or white at `threshold`, grey levels gone. */
export function binarizePlanes(img: Planes, threshold: number): Planes {
  const grey = toGrey(img).planes[0]!;
  return { ...img, planes: [grey.map((v) => (v <= threshold ? 0 : 255))] };
}

export function toGrey(img: Planes): Planes {
  if (img.planes.length === 1) return img;
  const [r, g, b] = img.planes as [Uint8Array, Uint8Array, Uint8Array];
  return { ...img, planes: [r.map((v, i) => (v * 299 + g[i]! * 587 + b[i]! * 114) / 1000)] };
}

const require = createRequire(import.meta.url);
const FONT = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');
let fontRegistered = false;

/** Rows where most of the width is ink: the lines of a ruled table. */
function tableLineRows(grey: Uint8Array, w: number, h: number): number[] {
  const rows: number[] = [];
  for (let y = 0; y < h; y++) {
    let ink = 0;
    for (let x = 0; x < w; x++) if (grey[y * w + x]! < 128) ink++;
    if (ink > w * 0.4) rows.push(y);
  }
  return rows;
}

/**
 * A red office seal (ring, star, the issuer's name round the rim) stamped over part of the
 * page's table, as multiply ink: what is under it stays readable through the red. A page with
 * no ruled table gets none.
 */
export function stampSeal(img: Planes, dpi: number, rand: Rand): Planes {
  const { width: w, height: h } = img;
  const grey = toGrey(img).planes[0]!;
  const lines = tableLineRows(grey, w, h);
  if (lines.length < 2) return img;
  if (!fontRegistered) fontRegistered = Boolean(GlobalFonts.registerFromPath(FONT, 'SealFont'));
  const top = lines[0]!;
  const bottom = lines[lines.length - 1]!;
  const cy = top + (0.2 + rand() * 0.6) * (bottom - top);
  const cx = (0.45 + rand() * 0.4) * w;
  const radius = (0.75 + rand() * 0.2) * dpi; // a 4 cm seal
  const canvas = toCanvas(img);
  const ctx = canvas.getContext('2d');
  ctx.globalCompositeOperation = 'multiply';
  const ink = `rgba(${215 + Math.floor(rand() * 30)}, ${40 + Math.floor(rand() * 40)}, ${40 + Math.floor(rand() * 40)}, ${0.75 + rand() * 0.2})`;
  ctx.strokeStyle = ink;
  ctx.fillStyle = ink;
  ctx.lineWidth = radius * 0.06;
  ctx.beginPath();
  ctx.arc(cx, cy, radius, 0, Math.PI * 2);
  ctx.stroke();
  // a five-pointed star in the middle
  ctx.beginPath();
  for (let k = 0; k < 10; k++) {
    const rr = k % 2 === 0 ? radius * 0.28 : radius * 0.11;
    const t = -Math.PI / 2 + (k * Math.PI) / 5;
    ctx.lineTo(cx + rr * Math.cos(t), cy + rr * Math.sin(t));
  }
  ctx.closePath();
  ctx.fill();
  // the issuer round the rim, and a line under the star
  const rim = '示例市财政局预算管理专用章';
  ctx.font = `${Math.round(radius * 0.24)}px SealFont`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const span = Math.PI * 1.3;
  [...rim].forEach((ch, k) => {
    const t = -Math.PI / 2 - span / 2 + (span * (k + 0.5)) / rim.length;
    ctx.save();
    ctx.translate(cx + radius * 0.76 * Math.cos(t), cy + radius * 0.76 * Math.sin(t));
    ctx.rotate(t + Math.PI / 2);
    ctx.fillText(ch, 0, 0);
    ctx.restore();
  });
  ctx.fillText('财务专用', cx, cy + radius * 0.5);
  const out = ctx.getImageData(0, 0, w, h).data;
  const planes = [0, 1, 2].map((c) => {
    const p = new Uint8Array(w * h);
    for (let i = 0; i < p.length; i++) p[i] = out[i * 4 + c]!;
    return p;
  });
  return { ...img, planes };
}

/** The planes painted on a canvas (grey repeated in red, green and blue). */
function toCanvas(img: Planes) {
  const { width: w, height: h } = img;
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(w, h);
  const [r, g, b] = img.planes.length === 3 ? img.planes : [img.planes[0]!, img.planes[0]!, img.planes[0]!];
  for (let i = 0; i < w * h; i++) {
    data.data[i * 4] = r![i]!;
    data.data[i * 4 + 1] = g![i]!;
    data.data[i * 4 + 2] = b![i]!;
    data.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(data, 0, 0);
  return canvas;
}

/**
 * The page as JPEG (grey or colour) or, when only black and white are left, a 1-bit grey PNG: in
 * the PDF a 1-bit grey image, as a fax or a black-and-white scanner writes it (not RGB with a mask).
 */
export async function encodePage(img: Planes, quality: number, lossless: boolean): Promise<Buffer> {
  if (lossless) return sharp(toGrey(img).planes[0]!, { raw: { width: img.width, height: img.height, channels: 1 } }).toColourspace('b-w').png({ colours: 2, palette: false }).toBuffer();
  // encoded on this thread: the canvas's encode on its thread pool crashed the process now and then (SIGSEGV)
  return toCanvas(img).encodeSync('jpeg', quality);
}
