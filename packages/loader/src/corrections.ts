import { Correction, JuesuanError } from '@juesuan/model';
import type { Db } from './open-database.ts';

export interface StoredCorrection extends Correction {
  id: number;
}

interface CorrectionRow {
  id: number;
  document_sha256: string;
  table_kind: string;
  row_key: string;
  measure: string;
  field: Correction['field'];
  value: string;
  amount_fen: number | null;
  original: string | null;
  reason: string;
  created_at: string;
}

const fromRow = (r: CorrectionRow): StoredCorrection => ({
  id: r.id,
  documentSha256: r.document_sha256,
  table: r.table_kind,
  rowKey: r.row_key,
  measure: r.measure,
  field: r.field,
  value: r.value,
  amountFen: r.amount_fen,
  original: r.original,
  reason: r.reason,
  createdAt: r.created_at,
});

/** The statements of corrections, shared by both backends (`?` parameters). */
export const CORRECTION_SQL = {
  save: `INSERT INTO corrections (document_sha256, table_kind, row_key, measure, field, value, amount_fen, original, reason, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (document_sha256, table_kind, row_key, measure, field) DO UPDATE SET
       value = excluded.value, amount_fen = excluded.amount_fen, original = COALESCE(corrections.original, excluded.original), reason = excluded.reason, created_at = excluded.created_at
     RETURNING *`,
  all: 'SELECT * FROM corrections ORDER BY id',
  ofDocument: 'SELECT * FROM corrections WHERE document_sha256 = ? ORDER BY id',
  delete: 'DELETE FROM corrections WHERE id = ?',
} as const;

/** A correction checked, as the parameters of CORRECTION_SQL.save. */
export function correctionParams(input: Correction): unknown[] {
  const c = Correction.parse(input);
  return [c.documentSha256, c.table, c.rowKey, c.measure, c.field, c.value, c.amountFen, c.original, c.reason, c.createdAt];
}

export const correctionOfRow = (row: Record<string, unknown>): StoredCorrection => fromRow(row as unknown as CorrectionRow);

export const listCorrectionsQuery = (documentSha256?: string): { sql: string; params: unknown[] } =>
  documentSha256 === undefined ? { sql: CORRECTION_SQL.all, params: [] } : { sql: CORRECTION_SQL.ofDocument, params: [documentSha256] };

/** Stores a correction; a later one of the same cell and field replaces the earlier. */
export function saveCorrection(db: Db, input: Correction): StoredCorrection {
  return fromRow(db.prepare(CORRECTION_SQL.save).get(...correctionParams(input)) as CorrectionRow);
}

/** Every correction, or one document's, oldest first. */
export function listCorrections(db: Db, documentSha256?: string): StoredCorrection[] {
  const q = listCorrectionsQuery(documentSha256);
  return (db.prepare(q.sql).all(...q.params) as CorrectionRow[]).map(fromRow);
}

export function deleteCorrection(db: Db, id: number): boolean {
  return db.prepare(CORRECTION_SQL.delete).run(id).changes > 0;
}

/** One JSON object per line, without the local id: what a team shares. */
export function correctionsToJsonl(corrections: StoredCorrection[]): string {
  return corrections.map(({ id: _id, ...c }) => `${JSON.stringify(c)}\n`).join('');
}

/** Reads JSONL corrections, checked: a bad line names the file and line. */
export function parseCorrectionsJsonl(text: string, file: string): Correction[] {
  const parsed: Correction[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new JuesuanError('bad_corrections_file', file, `line ${i + 1}: not JSON`);
    }
    const r = Correction.safeParse(json);
    if (!r.success) throw new JuesuanError('bad_corrections_file', file, `line ${i + 1}: ${r.error.issues.map((x) => `${x.path.join('.') || 'line'} ${x.message}`).join('; ')}`);
    parsed.push(r.data);
  });
  return parsed;
}

/** Stores corrections in one transaction: all of them or none. */
export function saveCorrections(db: Db, corrections: Correction[]): number {
  db.transaction(() => corrections.forEach((c) => saveCorrection(db, c)))();
  return corrections.length;
}

/** A JSONL file of corrections stored as a whole: a bad line, and nothing of the file is written. */
export function importCorrectionsJsonl(db: Db, text: string, file: string): number {
  return saveCorrections(db, parseCorrectionsJsonl(text, file));
}
