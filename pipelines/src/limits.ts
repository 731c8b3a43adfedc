import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '@juesuan/model';
import { DEFAULT_MAX_PAGES } from './extract-file.ts';

/** Bounds on one document, so one hostile file cannot stall or exhaust a batch. */
export const DocumentLimits = z.object({
  /** seconds for the whole extraction of one document; unset: sized from its page count */
  timeoutSeconds: z.number().positive().optional(),
  maxPages: z.number().int().positive(),
  /** an image over this many pixels is left out (and reported), never decoded */
  maxImagePixels: z.number().int().positive(),
  /** total decoded size of the document's compressed non-image streams */
  maxDecodedBytes: z.number().int().positive(),
  /** heap of one extraction worker (V8 old generation), MiB */
  workerHeapMb: z.number().int().positive(),
  /** its young generation, MiB: at 96 a batch of 300-dpi scans peaked 147 MiB higher (dead page images wait for a scavenge), text no faster */
  workerYoungMb: z.number().int().positive(),
});
export type DocumentLimits = z.infer<typeof DocumentLimits>;

export const DEFAULT_LIMITS: DocumentLimits = {
  maxPages: DEFAULT_MAX_PAGES,
  // 100 M pixels: a 600 dpi A3 scan fits, a 32000 × 32000 image does not
  maxImagePixels: 100_000_000,
  maxDecodedBytes: 1024 * 2 ** 20,
  workerHeapMb: 1024,
  workerYoungMb: 32,
};

/** The time limit of a document, sized from its pages: opening, then each page, OCR pages far longer. */
export const TIME_BUDGET = { baseSeconds: 30, perPageSeconds: 3, perOcrPageSeconds: 120 } as const;

/**
 * Opens a file for reading only if it is a regular file: a FIFO, a device such as /dev/zero or a
 * socket would block or never end. O_NONBLOCK keeps the open itself from waiting on a FIFO.
 */
export function readRegularFile(path: string | Buffer, maxBytes: number, file = String(path)): { bytes: Uint8Array } | { tooLarge: number } {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputError('not_regular_file', file, `not a regular file (${kindOf(st)}): refused`);
    if (st.size > maxBytes) return { tooLarge: st.size };
    return { bytes: new Uint8Array(readFileSync(fd)) };
  } finally {
    closeSync(fd);
  }
}

function kindOf(st: ReturnType<typeof fstatSync>): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a folder';
  return 'not a file';
}
