import { EXTRACTOR_VERSION } from '@juesuan/extractor';
import type { ExtractFileOptions } from './extract-file.ts';

/**
 * What an extraction depends on besides the bytes: the extractor's version and every option that
 * changes its output. A cached extraction is used only under the same key.
 */
export function extractionKey(options: ExtractFileOptions): string {
  return `${EXTRACTOR_VERSION};ocr=${options.ocr ?? 'auto'};dpi=${options.ocrDpi ?? 'auto'}`;
}
