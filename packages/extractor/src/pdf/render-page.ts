import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A page raster in 8-bit grey, row-major; `scale` is pixels per PDF point. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
  scale: number;
}

interface CanvasAndContext {
  /**
   * `data()`: @napi-rs/canvas's raw RGBA, a view of the canvas's own memory (read before the canvas
   * is destroyed): no copy, six times quicker than getImageData, the same pixels on an opaque page
   */
  canvas: { width: number; height: number; data?: () => Uint8Array };
  context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}

interface CanvasFactoryLike {
  create(width: number, height: number): CanvasAndContext;
  destroy(c: CanvasAndContext): void;
}

/** A red channel this bright is a seal's ink (or paper): lifted to paper. */
const SEAL_RED = 200;

/**
 * Grey by luminance, except red ink (a seal stamped over a table), seen through its red channel
 * as a scanner's red dropout does and lifted so the seal's own red is paper: the black print under
 * it, and a rule tinted red where it crosses the seal, stay dark; the seal reads neither as ink
 * nor as faint strokes beside the digits.
 */
export function greyOf(r: number, g: number, b: number): number {
  // a grey pixel (every pixel of a black-and-white or grey scan) is its own level
  if (r === g && g === b) return r;
  if (r > 110 && r - Math.max(g, b) > 28) return Math.min(255, (r * 255) / SEAL_RED);
  return (r * 299 + g * 587 + b * 114) / 1000;
}

/** Renders one page with pdfjs-dist (through its own canvas factory) to grey pixels at `dpi`. */
export async function renderPageGray(doc: PDFDocumentProxy, number: number, dpi = 300): Promise<GrayImage> {
  const page = await doc.getPage(number);
  try {
    const scale = dpi / 72;
    const viewport = page.getViewport({ scale });
    const factory = (doc as unknown as { canvasFactory: CanvasFactoryLike }).canvasFactory;
    const target = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvasContext: target.context as never, viewport, canvas: target.canvas as never, background: 'white' }).promise;
    const { width, height } = target.canvas;
    const rgba = target.canvas.data?.() ?? target.context.getImageData(0, 0, width, height).data;
    const data = new Uint8Array(width * height);
    for (let i = 0, j = 0; j < data.length; i += 4, j++) data[j] = greyOf(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!);
    factory.destroy(target);
    return { width, height, data, scale };
  } finally {
    page.cleanup();
  }
}
