import type { Ruling, TextRun } from '@juesuan/model';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { SoleImage } from './detect-rulings.ts';
import { detectRulings } from './detect-rulings.ts';
import type { Matrix } from './matrix.ts';
import { readTextItems, textRuns, textTurn } from './read-text-runs.ts';

export interface RawPage {
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  rulings: Ruling[];
  /** share of the page covered by painted images (0..1) */
  imageCoverage: number;
  /** where the runs came from: the text layer, or recognition of the page image */
  source: 'text' | 'ocr';
  /** degrees the page was turned, beyond its own /Rotate, so that its text reads left to right */
  turned?: number;
  /** set when the page is nothing but one image (a scan), which can then be turned to grey without drawing it */
  soleImage?: SoleImage;
  /** set when reading the page threw: it stays in the document, empty */
  failed?: { code: string; message: string };
}

/** Reads one page's text items and rulings, then frees the page's resources. */
export async function readPdfPage(doc: PDFDocumentProxy, number: number): Promise<RawPage> {
  const page = await doc.getPage(number);
  try {
    const items = await readTextItems(page);
    let viewport = page.getViewport({ scale: 1 });
    // a page printed sideways (its text runs down or up the page): read it turned upright
    const turn = textTurn(items, viewport.transform as Matrix);
    if (turn !== 0) viewport = page.getViewport({ scale: 1, rotation: (page.rotate + 360 - turn) % 360 });
    const vt = viewport.transform as Matrix;
    const { rulings, imageCoverage, soleImage } = await detectRulings(page, vt, viewport.width * viewport.height);
    const runs = textRuns(items, vt);
    return { number, width: viewport.width, height: viewport.height, runs, rulings, imageCoverage, source: 'text', ...(turn !== 0 ? { turned: turn } : {}), ...(soleImage ? { soleImage } : {}) };
  } finally {
    page.cleanup();
  }
}
