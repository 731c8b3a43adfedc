import type { Db } from '@juesuan/loader';
import { diffRuns, loadRun, runContentDigest } from '@juesuan/loader';
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

class Unchanged extends Error {}

/**
 * Parser + loader again for every cached extraction: no PDF is opened, no OCR re-run. A new run
 * is recorded only when its records, findings, facts, tables or metadata differ from the previous run's.
 */
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
    const base = { sha256: row.sha256, file: row.file, previousRunId: row.previous };
    try {
      const extracted = ExtractedDocument.parse(JSON.parse(row.json));
      const parsed = withExtractionFindings(withDocumentFindings(parseDocument({ ...extracted, file: row.file })), extracted);
      const info = { sha256: row.sha256, file: row.file, sizeBytes: row.size_bytes, format: row.format, pageCount: row.page_count };
      let changedRecords = parsed.records.length;
      try {
        // the new run is written, compared with the previous one, and rolled back when they are the same
        const runId = db.transaction(() => {
          const id = loadRun(db, info, extracted, parsed, startedAt);
          if (row.previous === null) return id;
          if (runContentDigest(db, id, PUBLICATION_RULES) === runContentDigest(db, row.previous, PUBLICATION_RULES)) throw new Unchanged();
          const d = diffRuns(db, row.previous, id);
          changedRecords = d.added + d.removed + d.changed;
          return id;
        })();
        out.push({ ...base, runId, changed: true, changedRecords });
      } catch (err) {
        if (!(err instanceof Unchanged)) throw err;
        out.push({ ...base, runId: row.previous!, changed: false, changedRecords: 0 });
      }
    } catch (err) {
      out.push({ ...base, runId: -1, changed: false, changedRecords: 0, error: (err as Error).message });
    }
  }
  linkPublications(db);
  return out;
}
