import { ExtractionError, InputError } from '@juesuan/model';
import type { Pdfjs } from './load-pdfjs.ts';
import { loadPdfjs, pdfjsData } from './load-pdfjs.ts';
import { PooledCanvasFactory } from './canvas-pool.ts';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface OpenPdfOptions {
  maxPages?: number;
  /** images over this many pixels are left out, not decoded (a small file can hold a huge image) */
  maxImagePixels?: number;
  /** read for text and geometry only, never drawn: pdfjs builds no glyphs or glyph paths, sends out no fonts, decodes no images */
  layoutOnly?: boolean;
}

/** Opens PDF bytes with pdfjs-dist, turning its failures into one-line errors that name the file. */
export async function openPdf(bytes: Uint8Array, file: string, options: OpenPdfOptions = {}): Promise<PDFDocumentProxy> {
  if (bytes.length < 5 || Buffer.from(bytes.subarray(0, 1024)).indexOf('%PDF-') < 0) {
    throw new InputError('not_pdf', file, 'not a PDF (no %PDF- header)');
  }
  const pdfjs = await loadPdfjs();
  const params: Parameters<Pdfjs['getDocument']>[0] & { layoutOnly: boolean } = {
    data: bytes,
    cMapUrl: pdfjsData.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: pdfjsData.standardFontDataUrl,
    wasmUrl: pdfjsData.wasmUrl,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    layoutOnly: options.layoutOnly === true,
    // pdf.js's scratch canvases (a scan's page image is put on one) kept for the next page: a fresh one of a page's size is about 100 ms of page faults
    CanvasFactory: PooledCanvasFactory,
    ...(options.maxImagePixels !== undefined ? { maxImageSize: options.maxImagePixels } : {}),
  };
  // layoutOnly is our patch of pdfjs-dist (patches/), read by its evaluator
  const task = pdfjs.getDocument(params);
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as { name?: string }).name ?? '';
    const message = (err as Error).message ?? String(err);
    if (name === 'PasswordException') throw new InputError('encrypted', file, 'encrypted PDF (a password is needed)');
    if (name === 'InvalidPDFException') throw new InputError('corrupt', file, `corrupt or truncated PDF (${message})`);
    throw new ExtractionError('pdf_open_failed', file, `cannot open PDF: ${message}`);
  }
  if (doc.numPages === 0) {
    await doc.destroy();
    throw new InputError('no_pages', file, 'the PDF has zero pages');
  }
  if (options.maxPages !== undefined && doc.numPages > options.maxPages) {
    const n = doc.numPages;
    await doc.destroy();
    throw new InputError('too_many_pages', file, `${n} pages, over the limit of ${options.maxPages}`);
  }
  return doc;
}
