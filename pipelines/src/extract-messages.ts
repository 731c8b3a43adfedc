import type { MessagePort } from 'node:worker_threads';
import type { OcrMode, PageLayout } from '@juesuan/extractor';
import type { ExtractionNote } from '@juesuan/model';
import type { DocumentLimits } from './limits.ts';

/** What a worker is started with. */
export interface ExtractWorkerData {
  /** tesseract workers per language of this worker's OCR engine */
  ocrThreads: number;
  /** ports to the process's line recogniser's threads (PaddleOCR), shared by every extraction worker; none where it cannot start */
  linesPorts: MessagePort[];
}

/** A document sent to an extraction worker. */
export interface WorkerJob {
  id: number;
  file: string;
  bytes: Uint8Array;
  ocr?: OcrMode;
  ocrDpi?: number;
  limits: DocumentLimits;
  /** unset: the whole document; 'count': check its streams and count its pages; else these pages' layouts */
  pages?: 'count' | { first: number; last: number };
  /** a document assembled from parts (JSON): its doubtful OCR cells read again, the document sent back */
  readAgain?: string;
}

/** The answer to a 'count' job. */
export interface PageCount {
  pageCount: number;
  notes: ExtractionNote[];
}

/** The answer to a page-range job: the pages' layouts, without the text runs and rulings assembly does not use. */
export interface PageRange {
  pageCount: number;
  layouts: PageLayout[];
}

/** What a worker sends back: its page count once known, each OCR page before it starts, then the outcome. */
export type WorkerMessage =
  | { type: 'pages'; id: number; total: number }
  | { type: 'ocr-page'; id: number; page: number }
  | { type: 'done'; id: number; json: string; peakBytes: number }
  | { type: 'failed'; id: number; code: string; message: string; peakBytes: number };
