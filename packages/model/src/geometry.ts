import { z } from 'zod';

/** A box in page points, origin at the top-left corner of the page, y growing downwards. */
export const BBox = z.object({
  x0: z.number(),
  y0: z.number(),
  x1: z.number(),
  y1: z.number(),
});
export type BBox = z.infer<typeof BBox>;

export const Source = z.enum(['text', 'ocr']);
export type Source = z.infer<typeof Source>;

/** A table cell by where it stands: its page and its box there (the parser asks the extractor to read such cells again). */
export const CellAt = z.object({
  page: z.number().int().positive(),
  bbox: BBox,
});
export type CellAt = z.infer<typeof CellAt>;

/**
 * What the parser asks of the extractor after a first reading: the cells to read `again`, the
 * cells whose sums hold to the cent as read (`known`), the page's digits as printed, and the cells
 * whose glyphs only the document's digits are to look at (`glyphs`: values a guessed digit made).
 */
export const CellsToRead = z.object({
  again: z.array(CellAt),
  known: z.array(CellAt),
  glyphs: z.array(CellAt).default([]),
});
export type CellsToRead = z.infer<typeof CellsToRead>;
