import type { Db } from './open-database.ts';

export const FINDING_FIELDS = ['document_sha256', 'file', 'rule', 'family', 'severity', 'page', 'bbox', 'quote', 'message_zh', 'message_en', 'run'] as const;
export const LEDGER_FIELDS = ['document_sha256', 'file', 'kind', 'fiscal_year', 'family', 'check', 'status', 'reason', 'failures', 'run'] as const;

export type ExportFinding = Record<(typeof FINDING_FIELDS)[number], string | number | number[] | null>;
export type ExportLedgerEntry = Record<(typeof LEDGER_FIELDS)[number], string | number | null>;

/** Every finding of the latest runs with its first evidence box: documents by file, then in the order found. */
export const FINDINGS_SQL = 'SELECT document_sha256, file, rule, family, severity, page, x0, y0, x1, y1, quote, message_zh, message_en, run_id FROM findings ORDER BY file, run_id, seq';
/** The coverage ledger of the latest runs: per document, each check and each family ('*'). */
export const LEDGER_SQL = 'SELECT document_sha256, file, kind, fiscal_year, family, "check", status, reason, failures, run_id AS run FROM ledger ORDER BY file, run_id, seq';

function requireView(db: Db, name: string): void {
  // checked before the first row: nothing is written before the error
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = ?`).get(name);
  if (!exists) throw new Error(`this database predates the audit (${name}): run \`juesuan reparse\` (or any ingest) once to upgrade it`);
}

const round = (v: number) => Math.round(v * 10) / 10;

/** A row of FINDINGS_SQL in the export's shape: the box as one list, to a tenth of a point. */
export function shapeFinding(r: Record<string, unknown>): ExportFinding {
  const bbox = r.x0 === null ? null : [r.x0, r.y0, r.x1, r.y1].map((v) => round(Number(v)));
  const at = r as Record<string, string | number | null>;
  return { document_sha256: at.document_sha256!, file: at.file!, rule: at.rule!, family: at.family!, severity: at.severity!, page: at.page ?? null, bbox, quote: at.quote ?? null, message_zh: at.message_zh!, message_en: at.message_en!, run: at.run_id! };
}

export function exportFindings(db: Db): Generator<ExportFinding> {
  requireView(db, 'findings');
  return findingRows(db);
}

function* findingRows(db: Db): Generator<ExportFinding> {
  for (const r of db.prepare(FINDINGS_SQL).iterate() as Iterable<Record<string, unknown>>) yield shapeFinding(r);
}

export function exportLedger(db: Db): IterableIterator<ExportLedgerEntry> {
  requireView(db, 'ledger');
  return db.prepare(LEDGER_SQL).iterate() as IterableIterator<ExportLedgerEntry>;
}
