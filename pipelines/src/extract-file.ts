import type { ExtractedDocument } from '@juesuan/model';
import { InputError } from '@juesuan/model';
import type { ExtractPdfOptions, OcrMode } from '@juesuan/extractor';
import { extractPdf, extractText, sha256Hex } from '@juesuan/extractor';

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
export const DEFAULT_MAX_PAGES = 2000;

export interface ExtractFileOptions {
  ocr?: OcrMode;
  ocrDpi?: number;
  /** refuse PDFs with more pages than this (default 2000) */
  maxPages?: number;
  /** called after each page of a PDF, for progress */
  onPage?: (done: number, total: number) => void;
}

/** What only the PDF path uses: its limits and progress callbacks. */
export type PdfPathOptions = Pick<ExtractPdfOptions, 'maxPages' | 'maxImagePixels' | 'onPage' | 'onOcrPage' | 'engine' | 'readAgain'>;

/** A PDF by its header, or by its name (so a broken one gets the PDF path's clear errors). */
export function isPdfInput(bytes: Uint8Array, file: string): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-') || /\.pdf$/i.test(file);
}

/** The extractor for a file by its content and name. */
export async function extractFile(bytes: Uint8Array, file: string, options: ExtractFileOptions & PdfPathOptions = {}): Promise<ExtractedDocument> {
  if (isPdfInput(bytes, file)) return extractPdf(bytes, file, { ...options, maxPages: options.maxPages ?? DEFAULT_MAX_PAGES });
  const format = /\.html?$/i.test(file) ? 'html' : /\.(md|markdown)$/i.test(file) ? 'md' : /\.txt$/i.test(file) ? 'txt' : null;
  if (!format) throw new InputError('unsupported_format', file, 'unsupported format: expected .pdf, .txt, .md or .html');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      // many converted reports from Chinese sites are GB18030 (GBK)
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new InputError('bad_encoding', file, 'text is neither UTF-8 nor GB18030');
    }
  }
  if (text.trim() === '') throw new InputError('empty', file, 'the file is empty');
  return extractText(text, file, sha256Hex(bytes), format);
}
