import type { Store } from '@juesuan/loader';
import { ExtractedDocument } from '@juesuan/model';
import { PUBLICATION_RULES, parseDocument } from '@juesuan/parser';
import { linkPublications } from './link-publications.ts';
import { withDocumentFindings } from './document-findings.ts';
import { withExtractionFindings } from './extraction-findings.ts';

export interface ReparseResult {
  sha256: string;
  file: string;
  /** the new run, or the previous one kept when nothing changed */
  runId: number;
  previousRunId: number | null;
  /** whether the parse differs from the previous run's, so a new run was recorded */
  changed: boolean;
  changedRecords: number;
  error?: string;
}

/**
 * Parser + loader again for every cached extraction (or one document's): no PDF is opened, no OCR
 * re-run. A new run is recorded only when its records, findings, facts, tables or metadata differ
 * from the previous run's.
 */
export async function reparseAll(store: Store, options: { sha256?: string; link?: boolean } = {}): Promise<ReparseResult[]> {
  const out: ReparseResult[] = [];
  for (const row of await store.cachedDocuments(options.sha256)) {
    const startedAt = new Date().toISOString();
    const base = { sha256: row.sha256, file: row.file, previousRunId: row.previous };
    try {
      const extracted = ExtractedDocument.parse(JSON.parse(row.json));
      const parsed = withExtractionFindings(withDocumentFindings(parseDocument({ ...extracted, file: row.file })), extracted);
      const info = { sha256: row.sha256, file: row.file, sizeBytes: row.size_bytes, format: row.format, pageCount: row.page_count };
      out.push({ ...base, ...(await store.loadRunIfChanged(info, extracted, parsed, startedAt, row.previous, PUBLICATION_RULES)) });
    } catch (err) {
      out.push({ ...base, runId: -1, changed: false, changedRecords: 0, error: (err as Error).message });
    }
  }
  if (options.link !== false) await linkPublications(store);
  return out;
}
