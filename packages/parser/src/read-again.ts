import type { CellAt, CellRef, ExtractedDocument } from '@juesuan/model';
import { parseDocument } from './parse-document.ts';
import { buildIdentities } from './validate/build-identities.ts';
import { centOffWhereNoneRounds } from './validate/identities.ts';

/**
 * The OCR cells worth reading again from the image, most wanted first (the extractor reads a
 * few dozen): amounts it could not read at all (surely misread), then values flagged
 * low_confidence (read unsure, or read two ways no identity tells apart), then the amounts of
 * every identity that stays broken after repair (most of them read right), then the OCR cells of
 * sums a cent off where the printer rounds nowhere else. The extractor reads them in more ways; the
 * identities then choose between the readings.
 */
export function cellsToReadAgain(doc: ExtractedDocument): CellAt[] {
  const ocrTables = new Set(doc.tables.filter((t) => t.cells.some((c) => c.source === 'ocr')).map((t) => t.index));
  if (ocrTables.size === 0) return [];
  const parsed = parseDocument(doc);
  const broken = parsed.findings.filter((f) => f.severity === 'error').flatMap((f) => f.cells);
  const unsure = parsed.records.filter((r) => r.flags.includes('low_confidence'));
  const unread = parsed.findings.filter((f) => f.rule === 'ocr.unreadable_amount').flatMap((f) => f.cells);
  const centOff = centOffWhereNoneRounds(buildIdentities(parsed.records, ocrTables)).flatMap((i) => [i.target, ...i.summands]);
  const out = new Map<string, CellAt>();
  for (const c of [...unread, ...unsure, ...broken, ...centOff] as CellRef[]) {
    if (!ocrTables.has(c.tableIndex) || c.page === null || c.bbox === null) continue;
    out.set(`${c.page}|${c.bbox.x0}|${c.bbox.y0}`, { page: c.page, bbox: c.bbox });
  }
  return [...out.values()];
}
