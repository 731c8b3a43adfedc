import type { OcrMode } from '@juesuan/extractor';
import type { DocumentLimits } from './limits.ts';

/** A document sent to an extraction worker. */
export interface WorkerJob {
  id: number;
  file: string;
  bytes: Uint8Array;
  ocr?: OcrMode;
  ocrDpi?: number;
  limits: DocumentLimits;
}

/** What a worker sends back: its page count once known, each OCR page before it starts, then the outcome. */
export type WorkerMessage =
  | { type: 'pages'; id: number; total: number }
  | { type: 'ocr-page'; id: number; page: number }
  | { type: 'done'; id: number; json: string; peakBytes: number }
  | { type: 'failed'; id: number; code: string; message: string; peakBytes: number };
