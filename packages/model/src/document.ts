import { z } from 'zod';
import { BBox, Source } from './geometry.ts';

export const TextRun = z.object({
  text: z.string(),
  bbox: BBox,
  fontSize: z.number(),
  fontName: z.string(),
  direction: z.enum(['ltr', 'ttb']),
  /** set on text recognized from the page image */
  source: Source.optional(),
  confidence: z.number().min(0).max(1).optional(),
  /** other readings of an unsure amount, got from the page image again */
  alternatives: z.array(z.string()).optional(),
});
export type TextRun = z.infer<typeof TextRun>;

export const Ruling = z.object({
  orientation: z.enum(['h', 'v']),
  /** position across the line (y for horizontal, x for vertical) */
  at: z.number(),
  /** extent along the line */
  from: z.number(),
  to: z.number(),
});
export type Ruling = z.infer<typeof Ruling>;

export const TextLine = z.object({
  text: z.string(),
  bbox: BBox,
  fontSize: z.number(),
  /** true when the line lies inside a table region */
  inTable: z.boolean(),
});
export type TextLine = z.infer<typeof TextLine>;

export const Page = z.object({
  number: z.number().int().positive().nullable(),
  width: z.number(),
  height: z.number(),
  source: Source,
  /** degrees the page was turned (beyond its /Rotate) to read its text upright; boxes are in that frame */
  turned: z.number().int().optional(),
  lines: z.array(TextLine),
  isTableOfContents: z.boolean(),
  /** set when reading this page threw: the page is kept, empty, with the error */
  failed: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type Page = z.infer<typeof Page>;

/** Whether the document's page `number` was read by OCR (its text is a reading, not the printed text). */
export const pageReadByOcr = (doc: { pages: readonly Page[] }, number: number | null): boolean => doc.pages.some((p) => p.number === number && p.source === 'ocr');

/** Something extraction left out on purpose (an image over the size limit), to be reported. */
export const ExtractionNote = z.object({
  code: z.string(),
  message: z.string(),
  page: z.number().int().positive().nullable(),
});
export type ExtractionNote = z.infer<typeof ExtractionNote>;

/** A cell's glyphs left to right, each with its likeness to the digits 0–9 (null for a point or comma). */
export const DigitLikeness = z.array(z.array(z.number()).length(10).nullable());

export const Cell = z.object({
  text: z.string(),
  bbox: BBox,
  page: z.number().int().positive().nullable(),
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  rowSpan: z.number().int().positive(),
  colSpan: z.number().int().positive(),
  confidence: z.number().min(0).max(1),
  source: Source,
  /** other readings OCR found for an unsure amount, for the identities to choose between */
  alternatives: z.array(z.string()).optional(),
  /** the amount the document's own digits read in the cell (learned from its amounts whose sums hold), when read again; also among the alternatives */
  digitsRead: z.string().optional(),
  /** each glyph's likeness to each digit 0–9 as the document's own digits see the cell (null for a mark), when read again: how like its digit a guess at a misread one is */
  digitLikeness: DigitLikeness.optional(),
});
export type Cell = z.infer<typeof Cell>;

export const Panel = z.object({
  index: z.number().int().nonnegative(),
  colStart: z.number().int().nonnegative(),
  colEnd: z.number().int().nonnegative(),
});
export type Panel = z.infer<typeof Panel>;

export const TableMeta = z.object({
  title: z.string().nullable(),
  number: z.string().nullable(),
  unit: z.string().nullable(),
  unitLine: z.string().nullable(),
  department: z.string().nullable(),
  notes: z.array(z.string()),
  continued: z.boolean(),
});
export type TableMeta = z.infer<typeof TableMeta>;

/** How a table was found: lines both ways; rules across with columns from the text; rules down with rows from the text; no lines. */
export const TableStrategy = z.enum(['ruled-grid', 'ruled-across', 'ruled-down', 'no-lines']);
export type TableStrategy = z.infer<typeof TableStrategy>;

export const Table = z.object({
  index: z.number().int().nonnegative(),
  meta: TableMeta,
  pages: z.array(z.number().int().positive().nullable()),
  nRows: z.number().int().nonnegative(),
  nCols: z.number().int().nonnegative(),
  headerRows: z.number().int().nonnegative(),
  ruled: z.boolean(),
  panels: z.array(Panel),
  cells: z.array(Cell),
  /** the section the table appears under, as a heading path */
  sectionPath: z.array(z.string()),
  /** how the layout found it (tables from text files have none) */
  strategy: TableStrategy.optional(),
  /** how sure the layout is of its grid, 0–1: the strategy's trust times the share of text that fits its cells */
  confidence: z.number().min(0).max(1).optional(),
});
export type Table = z.infer<typeof Table>;

export const Section = z.object({
  level: z.number().int().positive(),
  numbering: z.string(),
  title: z.string(),
  page: z.number().int().positive().nullable(),
  endPage: z.number().int().positive().nullable(),
  text: z.string(),
  path: z.array(z.string()),
});
export type Section = z.infer<typeof Section>;

export const ExtractedDocument = z.object({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(['pdf', 'txt', 'md', 'html']),
  extractorVersion: z.string(),
  pageCount: z.number().int().nonnegative(),
  pages: z.array(Page),
  sections: z.array(Section),
  tables: z.array(Table),
  notes: z.array(ExtractionNote).optional(),
});
export type ExtractedDocument = z.infer<typeof ExtractedDocument>;
