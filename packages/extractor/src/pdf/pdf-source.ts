import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { OpenPdfOptions } from './open-pdf.ts';
import { openPdf } from './open-pdf.ts';

/**
 * A PDF opened for its text and geometry, which is all most pages need: pdfjs then builds no
 * glyph paths and decodes no images (a fifth of its work). A page that must be drawn (OCR) is
 * drawn from a second opening of the same bytes, made the first time one is needed.
 */
export interface PdfSource {
  readonly layout: PDFDocumentProxy;
  drawable(): Promise<PDFDocumentProxy>;
  close(): Promise<void>;
}

export async function openPdfSource(bytes: Uint8Array, file: string, options: OpenPdfOptions = {}): Promise<PdfSource> {
  // pdfjs takes ownership of the buffer it is given
  const layout = await openPdf(bytes.slice(), file, { ...options, layoutOnly: true });
  let drawn: Promise<PDFDocumentProxy> | undefined;
  return {
    layout,
    drawable() {
      drawn ??= openPdf(bytes.slice(), file, { ...options, layoutOnly: false });
      return drawn;
    },
    async close() {
      const second = drawn;
      drawn = undefined;
      await Promise.allSettled([layout.destroy(), second?.then((d) => d.destroy())]);
    },
  };
}
