import type { Db } from './open-database.ts';

export const FINDING_FIELDS = ['document_sha256', 'file', 'rule', 'family', 'severity', 'page', 'bbox', 'quote', 'message_zh', 'message_en', 'run'] as const;
export const LEDGER_FIELDS = ['document_sha256', 'file', 'kind', 'fiscal_year', 'family', 'check', 'status', 'reason', 'failures', 'run'] as const;

export type ExportFinding = Record<(typeof FINDING_FIELDS)[number], string | number | number[] | null>;
export type ExportLedgerEntry = Record<(typeof LEDGER_FIELDS)[number], string | number | null>;

function requireView(db: Db, name: string): void {
  // checked before the first row: nothing is written before the error
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = ?`).get(name);
  if (!exists) throw new Error(`this database predates the audit (${name}): run \`juesuan reparse\` (or any ingest) once to upgrade it`);
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Every finding of the latest runs with its first evidence box: documents by file, then in the order found. */
export function exportFindings(db: Db): Generator<ExportFinding> {
  requireView(db, 'findings');
  return findingRows(db);
}

function* findingRows(db: Db): Generator<ExportFinding> {
  const rows = db.prepare('SELECT document_sha256, file, rule, family, severity, page, x0, y0, x1, y1, quote, message_zh, message_en, run_id FROM findings ORDER BY file, run_id, seq').iterate() as Iterable<Record<string, string | number | null>>;
  for (const r of rows) {
    const bbox = r.x0 === null ? null : [r.x0, r.y0, r.x1, r.y1].map((v) => round(Number(v)));
    yield { document_sha256: r.document_sha256!, file: r.file!, rule: r.rule!, family: r.family!, severity: r.severity!, page: r.page ?? null, bbox, quote: r.quote ?? null, message_zh: r.message_zh!, message_en: r.message_en!, run: r.run_id! };
  }
}

/** The coverage ledger of the latest runs: per document, each check and each family ('*'). */
export function exportLedger(db: Db): IterableIterator<ExportLedgerEntry> {
  requireView(db, 'ledger');
  return db.prepare('SELECT document_sha256, file, kind, fiscal_year, family, "check", status, reason, failures, run_id AS run FROM ledger ORDER BY file, run_id, seq').iterate() as IterableIterator<ExportLedgerEntry>;
}
