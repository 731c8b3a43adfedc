import type { Finding, ParsedDocument } from '@juesuan/model';
import type { Db } from './open-database.ts';

/** A run's findings with their evidence (the first box in columns, all of them as JSON) and its ledger. */
export function writeAudit(db: Db, runId: number, parsed: ParsedDocument): void {
  insertFindings(db, runId, parsed.findings);
  const entry = db.prepare('INSERT INTO run_ledger (run_id, family, "check", status, reason, failures) VALUES (?, ?, ?, ?, ?, ?)');
  for (const l of parsed.ledger ?? []) entry.run(runId, l.family, l.check, l.status, l.reason, l.failures);
}

/** Findings of a run, with the first evidence box in columns and all of it as JSON. */
export function insertFindings(db: Db, runId: number, findings: Finding[]): void {
  const finding = db.prepare(
    'INSERT INTO run_findings (run_id, rule, family, severity, message_zh, message_en, cells, suggestion, page, x0, y0, x1, y1, quote, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const f of findings) {
    const e = f.evidence?.[0];
    finding.run(runId, f.rule, f.family ?? null, f.severity, f.messageZh, f.messageEn, JSON.stringify(f.cells), f.suggestion ? JSON.stringify(f.suggestion) : null, e?.page ?? null, e?.bbox?.x0 ?? null, e?.bbox?.y0 ?? null, e?.bbox?.x1 ?? null, e?.bbox?.y1 ?? null, e?.quote ?? null, JSON.stringify(f.evidence ?? []));
  }
}
