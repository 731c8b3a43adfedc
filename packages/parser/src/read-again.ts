import type { AmountRecord, CellAt, CellRef, CellsToRead, ExtractedDocument } from '@juesuan/model';
import { amountUnsure } from './flags.ts';
import { parseDocument } from './parse-document.ts';
import { buildIdentities } from './validate/build-identities.ts';
import { centOffWhereNoneRounds, holdsExactly } from './validate/identities.ts';

/**
 * The OCR cells worth reading again from the image, most wanted first (the extractor reads a
 * few dozen): amounts it could not read at all (surely misread), then values flagged
 * low_confidence (read unsure, or read two ways no identity tells apart), then the amounts of
 * every identity that stays broken after repair (most of them read right), then the OCR cells of
 * sums a cent off where the printer rounds nowhere else. The extractor reads them in more ways; the
 * identities then choose between the readings. Known: the OCR amounts, read sure, of every sum
 * that holds to the cent (the extractor learns the page's digits from them). Glyphs: the values a
 * repair made, for the document's digits to see (a guessed digit they gainsay is not taken).
 */
export function cellsToReadAgain(doc: ExtractedDocument): CellsToRead {
  const ocrTables = new Set(doc.tables.filter((t) => t.cells.some((c) => c.source === 'ocr')).map((t) => t.index));
  if (ocrTables.size === 0) return { again: [], known: [], glyphs: [] };
  const parsed = parseDocument(doc);
  const identities = buildIdentities(parsed.records, ocrTables);
  const broken = parsed.findings.filter((f) => f.severity === 'error').flatMap((f) => f.cells);
  const unsure = parsed.records.filter((r) => r.flags.includes('low_confidence'));
  const unread = parsed.findings.filter((f) => f.rule === 'ocr.unreadable_amount').flatMap((f) => f.cells);
  const centOff = centOffWhereNoneRounds(identities).flatMap((i) => [i.target, ...i.summands]);
  const known = identities.filter((i) => holdsExactly(i)).flatMap((i) => [i.target, ...i.summands].filter(readSure));
  const repaired = parsed.records.filter((r) => r.flags.includes('repaired_by_identity'));
  return { again: cellsOf([...unread, ...unsure, ...broken, ...centOff], ocrTables), known: cellsOf(known, ocrTables), glyphs: cellsOf(repaired, ocrTables) };
}

/** An amount read without doubt: not unsure, not repaired (its label or code may still be). */
const readSure = (r: AmountRecord) => !amountUnsure(r.flags);

/** The OCR cells of these, each once, in their order. */
function cellsOf(refs: Array<Pick<CellRef, 'tableIndex' | 'page' | 'bbox'>>, ocrTables: ReadonlySet<number>): CellAt[] {
  const out = new Map<string, CellAt>();
  for (const c of refs) {
    if (!ocrTables.has(c.tableIndex) || c.page === null || c.bbox === null) continue;
    out.set(`${c.page}|${c.bbox.x0}|${c.bbox.y0}`, { page: c.page, bbox: c.bbox });
  }
  return [...out.values()];
}
