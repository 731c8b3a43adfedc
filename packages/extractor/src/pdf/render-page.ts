import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pageCanvases } from './canvas-pool.ts';
import type { SoleImage } from './detect-rulings.ts';
import { greyPixels } from './grey-pixels.ts';
import { drawnOneForOne, soleImageGray } from './sole-image.ts';

/** A page raster in 8-bit grey, row-major; `scale` is pixels per PDF point. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
  scale: number;
}

/** Renders one page with pdfjs-dist, on a kept canvas of its size, to grey pixels at `dpi`; a page that is one image at that resolution, from the image. */
export async function renderPageGray(doc: PDFDocumentProxy, number: number, dpi = 300, soleImage?: SoleImage): Promise<GrayImage> {
  const page = await doc.getPage(number);
  try {
    const scale = dpi / 72;
    const viewport = page.getViewport({ scale });
    const direct = soleImage && drawnOneForOne(soleImage, viewport) ? await soleImageGray(page, viewport, scale) : null;
    if (direct) return direct;
    const canvas = pageCanvases.take(Math.ceil(viewport.width), Math.ceil(viewport.height));
    try {
      // drawn through the context alone: given the canvas, pdf.js asks it for an opaque context, which
      // @napi-rs/canvas makes anew (about 100 ms an A4 page at 300 dpi) for the same pixels
      await page.render({ canvasContext: canvas.getContext('2d') as never, canvas: null, viewport, background: 'white' }).promise;
      // the canvas's own RGBA, not a copy: six times quicker than getImageData, the same pixels on an opaque page
      return { width: canvas.width, height: canvas.height, data: greyPixels(canvas.data(), canvas.width * canvas.height), scale };
    } finally {
      pageCanvases.give(canvas);
    }
  } finally {
    page.cleanup();
  }
}
