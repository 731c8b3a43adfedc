import { openPdf } from '../pdf/open-pdf.ts';
import { renderPageGray } from '../pdf/render-page.ts';
import { toPgm } from './image-ops.ts';
import type { OcrEngine } from './tesseract-pool.ts';

/**
 * Plain full-page OCR (no grid, whole page in automatic layout mode): the baseline the
 * table-aware path is measured against in the benchmark.
 */
export async function ocrFullPages(bytes: Uint8Array, file: string, engine: OcrEngine, dpi = 300): Promise<{ pages: number; text: string[] }> {
  const doc = await openPdf(bytes, file);
  const text: string[] = [];
  try {
    const jobs: Array<Promise<void>> = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const img = await renderPageGray(doc, n, dpi);
      const i = n - 1;
      jobs.push(engine.recognize(toPgm(img, { x0: 0, y0: 0, x1: img.width, y1: img.height }), { lang: 'chi_sim', psm: 3 }).then((r) => void (text[i] = r.text)));
    }
    await Promise.all(jobs);
    return { pages: doc.numPages, text };
  } finally {
    await doc.destroy();
  }
}
