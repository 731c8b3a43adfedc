import { InputError } from '@juesuan/model';
import type { ExtractPdfOptions } from './extract-pdf.ts';
import { readPageText } from './extract-pdf.ts';
import type { PageView } from './layout/debug-svg.ts';
import { layoutPageTraced } from './layout/page-tables.ts';
import { openPdfSource } from './pdf/pdf-source.ts';

/** One page of a PDF read and laid out as extraction does, with what each layout pass found. */
export async function debugPdfPage(bytes: Uint8Array, file: string, number: number, options: ExtractPdfOptions = {}): Promise<PageView> {
  const pdf = await openPdfSource(bytes, file, options);
  try {
    const pages = pdf.layout.numPages;
    if (number > pages) throw new InputError('no_such_page', file, `page ${number} is not in the document (it has ${pages})`);
    const page = await readPageText(pdf, number, options);
    const { layout, found } = layoutPageTraced(page);
    return { page, layout, found };
  } finally {
    await pdf.close();
  }
}
