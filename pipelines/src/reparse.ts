import type { Db } from '@juesuan/loader';
import { diffRuns, loadRun } from '@juesuan/loader';
import { ExtractedDocument } from '@juesuan/model';
import { parseDocument } from '@juesuan/parser';
import { withExtractionFindings } from './extraction-findings.ts';

export interface ReparseResult {
  sha256: string;
  file: string;
  runId: number;
  previousRunId: number | null;
  changedRecords: number;
  error?: string;
}

/** Parser + loader again for every cached extraction: no PDF is opened, no OCR re-run. */
export function reparseAll(db: Db): ReparseResult[] {
  const rows = db
    .prepare(
      `SELECT e.sha256, e.json, d.file, d.size_bytes, d.format, d.page_count,
              (SELECT MAX(id) FROM runs r WHERE r.document_sha256 = e.sha256 AND r.status = 'ok') AS previous
       FROM extractions e JOIN documents d ON d.sha256 = e.sha256
       WHERE e.extractor_version = (SELECT MAX(extractor_version) FROM extractions x WHERE x.sha256 = e.sha256)
       ORDER BY d.file`,
    )
    .all() as Array<{ sha256: string; json: string; file: string; size_bytes: number; format: string | null; page_count: number | null; previous: number | null }>;
  const out: ReparseResult[] = [];
  for (const row of rows) {
    const startedAt = new Date().toISOString();
    try {
      const extracted = ExtractedDocument.parse(JSON.parse(row.json));
      const parsed = withExtractionFindings(parseDocument({ ...extracted, file: row.file }), extracted);
      const runId = loadRun(db, { sha256: row.sha256, file: row.file, sizeBytes: row.size_bytes, format: row.format, pageCount: row.page_count }, extracted, parsed, startedAt);
      const d = row.previous ? diffRuns(db, row.previous, runId) : null;
      out.push({ sha256: row.sha256, file: row.file, runId, previousRunId: row.previous, changedRecords: d ? d.added + d.removed + d.changed : parsed.records.length });
    } catch (err) {
      out.push({ sha256: row.sha256, file: row.file, runId: -1, previousRunId: row.previous, changedRecords: 0, error: (err as Error).message });
    }
  }
  return out;
}
