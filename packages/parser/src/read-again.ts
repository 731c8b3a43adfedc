import type { CellAt, CellRef, ExtractedDocument } from '@juesuan/model';
import { parseDocument } from './parse-document.ts';

/**
 * The OCR cells worth reading again from the image, most wanted first: the amounts of every
 * identity that stays broken after repair, then values flagged low_confidence (read unsure, or
 * read two ways no identity tells apart), then amounts it could not read at all. The extractor reads them in more ways; the
 * identities then choose between the readings.
 */
export function cellsToReadAgain(doc: ExtractedDocument): CellAt[] {
  const ocrTables = new Set(doc.tables.filter((t) => t.cells.some((c) => c.source === 'ocr')).map((t) => t.index));
  if (ocrTables.size === 0) return [];
  const parsed = parseDocument(doc);
  const broken = parsed.findings.filter((f) => f.severity === 'error').flatMap((f) => f.cells);
  const unsure = parsed.records.filter((r) => r.flags.includes('low_confidence'));
  const unread = parsed.findings.filter((f) => f.rule === 'ocr.unreadable_amount').flatMap((f) => f.cells);
  const out = new Map<string, CellAt>();
  for (const c of [...broken, ...unsure, ...unread] as CellRef[]) {
    if (!ocrTables.has(c.tableIndex) || c.page === null || c.bbox === null) continue;
    out.set(`${c.page}|${c.bbox.x0}|${c.bbox.y0}`, { page: c.page, bbox: c.bbox });
  }
  return [...out.values()];
}
