import { createHash } from 'node:crypto';
import type { CellsToRead, ExtractedDocument, Page } from '@juesuan/model';
import { ExtractedDocument as ExtractedDocumentSchema, JuesuanError, errorLine } from '@juesuan/model';
import type { PageLayout, PageTable } from './layout/page-tables.ts';
import { layoutPage } from './layout/page-tables.ts';
import { buildSections, matchHeading } from './layout/sections.ts';
import { carryTitlesOver } from './layout/carried-titles.ts';
import { stitchTables } from './layout/stitch-tables.ts';
import { findTocPages } from './layout/toc-pages.ts';
import type { PdfSource } from './pdf/pdf-source.ts';
import { openPdfSource } from './pdf/pdf-source.ts';
import type { RawPage } from './pdf/read-pdf-page.ts';
import { readPdfPage } from './pdf/read-pdf-page.ts';
import { EXTRACTOR_VERSION } from './version.ts';
import { readAgainFailed, readCellsAgain, withNotes } from './read-cells-again.ts';
import type { OcrMode } from './ocr/decide-ocr.ts';
import { needsOcr } from './ocr/decide-ocr.ts';
import { ocrPage } from './ocr/ocr-page.ts';
import { PageImageStore } from './ocr/page-image-store.ts';
import PQueue from 'p-queue';
import type { OcrEngine } from './ocr/tesseract-pool.ts';
import { sharedOcrEngine } from './ocr/tesseract-pool.ts';

export interface ExtractPdfOptions {
  maxPages?: number;
  /** images over this many pixels are left out instead of decoded (pdfjs maxImageSize) */
  maxImagePixels?: number;
  /** read pages from their image: when needed (auto), always, or never */
  ocr?: OcrMode;
  ocrDpi?: number;
  engine?: OcrEngine;
  /** called after each page, for progress */
  onPage?: (done: number, total: number) => void;
  /** called before a page is read by OCR, which takes far longer than its text layer */
  onOcrPage?: (page: number) => void;
  /** the OCR cells to read again in more ways, and those known read right, once the document is assembled (the parser's: cells of broken identities, of sums that hold) */
  readAgain?: (doc: ExtractedDocument) => CellsToRead;
}

/** What one document's OCR pages share, made here for each document, never given by a caller. */
interface DocumentOcr {
  /** where OCR pages' images are kept from the first reading for the second (when it reads again) */
  pageImages?: PageImageStore;
  /** the queue OCR pages are drawn in, one at a time */
  drawing?: PQueue;
}

/** The options a document is read with, and what its pages share. */
export type ReadOptions = ExtractPdfOptions & DocumentOcr;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A text-layer PDF → pages, sections and tables with cell geometry. */
export async function extractPdf(bytes: Uint8Array, file: string, options: ExtractPdfOptions = {}): Promise<ExtractedDocument> {
  const withStore: ReadOptions = options.readAgain ? { ...options, pageImages: new PageImageStore() } : options;
  const { layouts } = await readPdfPages(bytes, file, withStore);
  const doc = assembleDocument(layouts, { file, sha256: sha256Hex(bytes), format: 'pdf' });
  if (!options.readAgain || !doc.pages.some((p) => p.source === 'ocr')) return doc;
  // choosing the cells parses the document: if that throws, the first readings stand
  let cells: CellsToRead = { again: [], known: [], glyphs: [] };
  try {
    cells = options.readAgain(doc);
  } catch (err) {
    return withNotes(doc, [readAgainFailed(file, null, err)]);
  }
  return readCellsAgain(bytes, file, doc, cells, withStore);
}

/**
 * Pages read at once: two where the document's OCR engine has two cores or more, a page's image
 * work overlapping the other's recognition; one where it has one (a document among others in
 * flight), where a second page would only hold its images (about 50 MB) waiting for the same recognisers.
 */
const pagesInFlight = (engine: OcrEngine) => Math.max(1, Math.min(2, engine.size));

/**
 * Pages `first`..`last` of a PDF (1-based, clipped to the document) read and laid out, with its
 * page count: a large document's pages can be read by several workers, then assembled once.
 */
export function extractPdfPages(bytes: Uint8Array, file: string, options: ExtractPdfOptions & PageRangeOptions = {}): Promise<{ pageCount: number; layouts: PageLayout[] }> {
  return readPdfPages(bytes, file, options);
}

interface PageRangeOptions {
  first?: number;
  last?: number;
}

async function readPdfPages(bytes: Uint8Array, file: string, options: ReadOptions & PageRangeOptions): Promise<{ pageCount: number; layouts: PageLayout[] }> {
  const pdf = await openPdfSource(bytes, file, options);
  const doc = pdf.layout;
  try {
    const first = options.first ?? 1;
    const numbers = Array.from({ length: Math.max(0, Math.min(doc.numPages, options.last ?? doc.numPages) - first + 1) }, (_, k) => first + k);
    const drawing = new PQueue({ concurrency: 1 });
    // the next page is taken as soon as either in flight is read, whichever finishes first: a page is
    // then drawn while the other's cells are recognised (taken in step, two were drawn while none were)
    const reading = new PQueue({ concurrency: pagesInFlight(options.engine ?? sharedOcrEngine()) });
    let done = 0;
    const layouts = await reading.addAll(
      numbers.map((n) => async () => {
        const layout = await layoutOrFailure(pdf, n, { ...options, drawing });
        options.onPage?.(++done, doc.numPages);
        return layout;
      }),
    );
    return { pageCount: doc.numPages, layouts };
  } finally {
    await pdf.close();
  }
}

/** One page read and laid out; a page that throws is kept empty with its error, so the rest of the document survives. */
async function layoutOrFailure(pdf: PdfSource, n: number, options: ReadOptions): Promise<PageLayout> {
  try {
    return layoutPage(await readPageText(pdf, n, options));
  } catch (err) {
    const failed = { code: err instanceof JuesuanError ? err.code : 'page_failed', message: errorLine(err) };
    return { page: { number: n, width: 0, height: 0, runs: [], rulings: [], imageCoverage: 0, source: 'text', failed }, tables: [], lines: [] };
  }
}

/** One page's text runs and rulings: from its text layer, or from its image when that is unusable. */
export async function readPageText(pdf: PdfSource, n: number, options: ReadOptions): Promise<RawPage> {
  const page = await readPdfPage(pdf.layout, n);
  if (!needsOcr(page, options.ocr ?? 'auto')) return page;
  options.onOcrPage?.(n);
  return ocrPage(await pdf.drawable(), n, {
    dpi: options.ocrDpi,
    engine: options.engine ?? sharedOcrEngine(),
    ...(options.pageImages ? { pageImages: options.pageImages } : {}),
    ...(options.drawing ? { drawing: options.drawing } : {}),
    ...(page.soleImage ? { soleImage: page.soleImage } : {}),
  });
}

export function assembleDocument(
  layouts: PageLayout[],
  info: { file: string; sha256: string; format: ExtractedDocument['format'] },
): ExtractedDocument {
  const toc = findTocPages(layouts.map((l) => ({ lines: l.lines.filter((x) => !x.inTable).map((x) => x.text), hasTables: l.tables.length > 0 })));
  const pages: Page[] = layouts.map((l, i) => ({
    number: l.page.number,
    width: l.page.width,
    height: l.page.height,
    source: l.page.source,
    ...(l.page.turned ? { turned: l.page.turned } : {}),
    ...(l.page.failed ? { failed: l.page.failed } : {}),
    lines: l.lines.map((x) => ({ text: x.text, bbox: x.bbox, fontSize: x.fontSize, inTable: x.inTable })),
    isTableOfContents: toc.has(i),
  }));
  const flowLines = layouts
    .filter((_, i) => !toc.has(i))
    .flatMap((l) => l.lines.filter((x) => !x.inTable).map((x) => ({ text: x.text, page: l.page.number, y: x.bbox.y0 })));
  const sections = buildSections(flowLines);
  const headingAt = flowLines
    .map((line) => ({ line, h: matchHeading(line.text) }))
    .filter((x) => x.h !== null)
    .map((x) => ({ page: x.line.page, y: x.line.y, section: sections.find((s) => s.page === x.line.page && `${s.numbering}${s.title}` === `${x.h!.numbering}${x.h!.title}`) }));
  const sectionPathOf = (t: PageTable): string[] => {
    let path: string[] = [];
    for (const h of headingAt) {
      if (h.page < t.page || (h.page === t.page && h.y < t.bbox.y0)) path = h.section?.path ?? path;
    }
    return path;
  };
  const tables = stitchTables(
    carryTitlesOver(layouts).map((t, i) => (toc.has(i) ? [] : t)),
    sectionPathOf,
  );
  return ExtractedDocumentSchema.parse({
    file: info.file,
    sha256: info.sha256,
    format: info.format,
    extractorVersion: EXTRACTOR_VERSION,
    pageCount: layouts.length,
    pages,
    sections,
    tables,
  });
}
