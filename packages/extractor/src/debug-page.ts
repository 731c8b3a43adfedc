import { InputError } from '@juesuan/model';
import type { ExtractPdfOptions } from './extract-pdf.ts';
import { readPageText } from './extract-pdf.ts';
import type { PageView } from './layout/debug-svg.ts';
import { layoutPageTraced } from './layout/page-tables.ts';
import { openPdf } from './pdf/open-pdf.ts';

/** One page of a PDF read and laid out as extraction does, with what each layout pass found. */
export async function debugPdfPage(bytes: Uint8Array, file: string, number: number, options: ExtractPdfOptions = {}): Promise<PageView> {
  // pdfjs takes ownership of the buffer it is given
  const doc = await openPdf(bytes.slice(), file, options);
  try {
    if (number > doc.numPages) throw new InputError('no_such_page', file, `page ${number} is not in the document (it has ${doc.numPages})`);
    const page = await readPageText(doc, number, options);
    const { layout, found } = layoutPageTraced(page);
    return { page, layout, found };
  } finally {
    await doc.destroy();
  }
}
