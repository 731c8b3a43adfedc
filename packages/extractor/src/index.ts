export { extractPdf, extractPdfPages, assembleDocument, sha256Hex } from './extract-pdf.ts';
export type { PageLayout } from './layout/page-tables.ts';
export { EXTRACTOR_VERSION } from './version.ts';
export { normalizeCjkSpacing } from './layout/cjk-text.ts';
export { extractText } from './text/extract-text.ts';
export { OcrEngine, sharedOcrEngine, closeSharedOcrEngine } from './ocr/tesseract-pool.ts';
export type { OcrMode } from './ocr/decide-ocr.ts';
export type { ExtractPdfOptions } from './extract-pdf.ts';
export { ocrFullPages } from './ocr/full-page-ocr.ts';
