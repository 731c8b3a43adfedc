import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

const open = new Map<string, Promise<PDFDocumentProxy>>();

/** A document's PDF, loaded once per tab; character maps and fonts come from this server. */
export function loadPdf(sha256: string): Promise<PDFDocumentProxy> {
  let p = open.get(sha256);
  if (!p) {
    p = getDocument({ url: `/api/documents/${sha256}/pdf`, cMapUrl: '/pdfjs/cmaps/', cMapPacked: true, standardFontDataUrl: '/pdfjs/standard_fonts/', wasmUrl: '/pdfjs/wasm/', isEvalSupported: false }).promise;
    open.set(sha256, p);
  }
  return p;
}

/**
 * Draws a page to fit `cssWidth`, turned as the extractor turned it to read it (`turned` degrees
 * beyond its /Rotate, counter-clockwise), so the cell boxes fall on it; returns points → pixels.
 */
export async function renderPage(pdf: PDFDocumentProxy, number: number, canvas: HTMLCanvasElement, cssWidth: number, turned = 0): Promise<number> {
  const page = await pdf.getPage(number);
  const rotation = (((page.rotate - turned) % 360) + 360) % 360;
  const base = page.getViewport({ scale: 1, rotation });
  const scale = cssWidth / base.width;
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: scale * ratio, rotation });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  await page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport }).promise;
  return scale;
}
