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

/** Stores a correction; a later one of the same cell and field replaces the earlier. */
export function saveCorrection(db: Db, input: Correction): StoredCorrection {
  const c = Correction.parse(input);
  db.prepare(
    `INSERT INTO corrections (document_sha256, table_kind, row_key, measure, field, value, amount_fen, original, reason, created_at)
     VALUES (@documentSha256, @table, @rowKey, @measure, @field, @value, @amountFen, @original, @reason, @createdAt)
     ON CONFLICT (document_sha256, table_kind, row_key, measure, field) DO UPDATE SET
       value = excluded.value, amount_fen = excluded.amount_fen, original = COALESCE(corrections.original, excluded.original), reason = excluded.reason, created_at = excluded.created_at`,
  ).run(c);
  const row = db
    .prepare('SELECT * FROM corrections WHERE document_sha256 = ? AND table_kind = ? AND row_key = ? AND measure = ? AND field = ?')
    .get(c.documentSha256, c.table, c.rowKey, c.measure, c.field) as CorrectionRow;
  return fromRow(row);
}

/** Every correction, or one document's, oldest first. */
export function listCorrections(db: Db, documentSha256?: string): StoredCorrection[] {
  const rows = (documentSha256 === undefined
    ? db.prepare('SELECT * FROM corrections ORDER BY id').all()
    : db.prepare('SELECT * FROM corrections WHERE document_sha256 = ? ORDER BY id').all(documentSha256)) as CorrectionRow[];
  return rows.map(fromRow);
}

export function deleteCorrection(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM corrections WHERE id = ?').run(id).changes > 0;
}

/** One JSON object per line, without the local id: what a team shares. */
export function correctionsToJsonl(corrections: StoredCorrection[]): string {
  return corrections.map(({ id: _id, ...c }) => `${JSON.stringify(c)}\n`).join('');
}

/**
 * Reads JSONL corrections and stores them in one transaction: a bad line names the file and
 * line, and nothing of the file is written.
 */
export function importCorrectionsJsonl(db: Db, text: string, file: string): number {
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
  db.transaction(() => parsed.forEach((c) => saveCorrection(db, c)))();
  return parsed.length;
}
