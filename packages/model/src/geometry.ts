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
