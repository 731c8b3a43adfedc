export { extractPdf, assembleDocument, sha256Hex } from './extract-pdf.ts';
export { EXTRACTOR_VERSION } from './version.ts';
export { normalizeCjkSpacing } from './layout/cjk-text.ts';
export { extractText } from './text/extract-text.ts';
