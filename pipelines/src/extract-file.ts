import type { ExtractedDocument } from '@juesuan/model';
import { InputError } from '@juesuan/model';
import { extractPdf } from '@juesuan/extractor';

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
export const DEFAULT_MAX_PAGES = 2000;

/** The extractor for a file by its content and name. */
export async function extractFile(bytes: Uint8Array, file: string): Promise<ExtractedDocument> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-') || /\.pdf$/i.test(file)) return extractPdf(bytes, file, { maxPages: DEFAULT_MAX_PAGES });
  throw new InputError('unsupported_format', file, 'unsupported format: only PDF reports are read so far');
}
