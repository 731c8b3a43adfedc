import type { PDFPageProxy, PageViewport } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { SoleImage } from './detect-rulings.ts';
import { loadPdfjs } from './load-pdfjs.ts';
import type { Matrix } from './matrix.ts';
import { multiply } from './matrix.ts';
import type { GrayImage } from './render-page.ts';
import { greyOf, greyPixels } from './grey-pixels.ts';

/** How far (device pixels) the image's corners may stand from the drawing's pixel grid for it to be copied pixel for pixel. */
const ON_GRID = 0.01;

/** pdf.js's decoded image: its pixels as RGB or RGBA (ImageKind 2 and 3). */
interface DecodedImage {
  width: number;
  height: number;
  kind: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** Whether a page's image, drawn at this viewport, would land one image pixel on one canvas pixel. */
export function drawnOneForOne(image: SoleImage, viewport: PageViewport): boolean {
  return Math.abs(image.width - viewport.width) < 1 && Math.abs(image.height - viewport.height) < 1;
}

/** The device transform the page's one image is painted with, and its object id; null for a page that is anything else. */
async function paintedImage(page: PDFPageProxy, viewport: PageViewport): Promise<{ id: string; at: Matrix } | null> {
  const { OPS } = await loadPdfjs();
  const ops = await page.getOperatorList();
  let ctm = viewport.transform as Matrix;
  const stack: Matrix[] = [];
  let found: { id: string; at: Matrix } | null = null;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as unknown as Matrix);
    else if (fn === OPS.paintImageXObject && found === null) found = { id: args[0] as string, at: ctm };
    else if (fn !== OPS.dependency) return null;
  }
  return found;
}

/** A page that is one image (a scan): the image's resolution on the page (pixels an inch across), and whether it is one bit a pixel (black and white). */
export interface Scan {
  dpi: number;
  bilevel: boolean;
}

/** pdf.js's kind of a decoded image of one bit a pixel. */
const ONE_BIT = 1;

/** The scan a page is, before it is drawn (its image decoded once: drawing the page takes it from the page's objects); null for any other page. */
export async function scanOf(page: PDFPageProxy): Promise<Scan | null> {
  const painted = await paintedImage(page, page.getViewport({ scale: 1 }));
  if (!painted) return null;
  const image = await new Promise<DecodedImage | null>((resolve) => page.objs.get(painted.id, resolve as (v: unknown) => void));
  // the image's width across the page, in points (its unit square's first side, turned or not)
  const across = Math.hypot(painted.at[0], painted.at[1]);
  return image && across > 0 ? { dpi: (image.width / across) * 72, bilevel: image.kind === ONE_BIT } : null;
}

/**
 * "Sole image": a page that is one image at the resolution it is drawn at (a 300-dpi scan drawn at
 * 300 dpi) is turned to grey from the decoded image itself. Drawn, pdf.js puts it on a scratch
 * canvas and copies that onto the page's canvas pixel for pixel: the same grey, without two
 * page-sized canvases (70 MB) a page. Null for any other page (scaled, turned, transparent), which is drawn.
 */
export async function soleImageGray(page: PDFPageProxy, viewport: PageViewport, scale: number): Promise<GrayImage | null> {
  const painted = await paintedImage(page, viewport);
  if (!painted) return null;
  // an image pdf.js could not decode comes as null: drawn, it leaves the page as pdf.js leaves it
  const image = await new Promise<DecodedImage | null>((resolve) => page.objs.get(painted.id, resolve as (v: unknown) => void));
  if (!image?.data) return null;
  const [a, b, c, d, e, f] = painted.at;
  const square = Math.abs(b) < 1e-9 && Math.abs(c) < 1e-9;
  // the image's left edge at x 0, its top at y 0, one image pixel to one device pixel, upright
  if (!square || Math.abs(a - image.width) > ON_GRID || Math.abs(d + image.height) > ON_GRID || Math.abs(e) > ON_GRID || Math.abs(f + d) > ON_GRID) return null;
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  if (image.width > width || image.height > height) return null;
  const grey = greyOfImage(image, width, height);
  return grey ? { width, height, data: grey, scale } : null;
}

/** The image's grey on a white page of `width` × `height`; null when it is not opaque RGB or RGBA (the canvas would blend it). */
function greyOfImage(image: DecodedImage, width: number, height: number): Uint8Array | null {
  const src = image.data!;
  const bands = image.kind === 3 ? 4 : image.kind === 2 ? 3 : 0;
  if (bands === 0 || src.length !== image.width * image.height * bands) return null;
  if (bands === 4) for (let i = 3; i < src.length; i += 4) if (src[i] !== 255) return null;
  const out = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < image.height; y++) {
    const row = src.subarray(y * image.width * bands, (y + 1) * image.width * bands);
    if (bands === 4) greyPixels(row, image.width, out, y * width);
    else for (let x = 0, i = 0, o = y * width; x < image.width; x++, i += 3) out[o + x] = greyOf(row[i]!, row[i + 1]!, row[i + 2]!);
  }
  return out;
}
