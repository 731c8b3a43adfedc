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

/**
 * A check that ran after the parse (a split publication's narrative against its partner's tables):
 * its ledger entry and its family's, which the parse had to leave at insufficient_data.
 */
export function recordLateCheck(db: Db, runId: number, family: string, check: string, findings: Finding[], reason: string): void {
  const failures = findings.filter((f) => f.severity !== 'info').length;
  db.prepare(`UPDATE run_ledger SET status = ?, reason = ?, failures = ? WHERE run_id = ? AND family = ? AND "check" = ?`).run(failures > 0 ? 'fail' : 'pass', reason, failures, runId, family, check);
  // the family sums its checks up as the parse does: fail, then insufficient_data, then pass
  db.prepare(
    `UPDATE run_ledger SET
       failures = (SELECT COALESCE(SUM(failures), 0) FROM run_ledger x WHERE x.run_id = run_ledger.run_id AND x.family = run_ledger.family AND x."check" <> '*'),
       status = (SELECT CASE WHEN SUM(status = 'fail') > 0 THEN 'fail' WHEN SUM(status = 'insufficient_data') > 0 THEN 'insufficient_data' WHEN SUM(status = 'pass') > 0 THEN 'pass' ELSE 'not_applicable' END
                 FROM run_ledger x WHERE x.run_id = run_ledger.run_id AND x.family = run_ledger.family AND x."check" <> '*'),
       reason = (SELECT group_concat(reason, '; ') FROM run_ledger x WHERE x.run_id = run_ledger.run_id AND x.family = run_ledger.family AND x."check" <> '*' AND x.status = 'insufficient_data')
     WHERE run_id = ? AND family = ? AND "check" = '*'`,
  ).run(runId, family);
}
