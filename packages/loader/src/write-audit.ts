import type { Finding, ParsedDocument } from '@juesuan/model';
import type { Db } from './open-database.ts';
import type { RowBatch } from './row-batch.ts';
import { insertBatches, withRunId } from './row-batch.ts';

/** A run's findings with their evidence (the first box in columns, all of it as JSON) and its ledger (run id left out). */
export function auditBatches(parsed: ParsedDocument): RowBatch[] {
  const ledger = (parsed.ledger ?? []).map((l) => [l.family, l.check, l.status, l.reason, l.failures]);
  return [findingBatch(parsed.findings), { table: 'run_ledger', columns: ['family', 'check', 'status', 'reason', 'failures'], rows: ledger }];
}

/** Findings as rows, with the first evidence box in columns and all of it as JSON (run id left out). */
export function findingBatch(findings: Finding[]): RowBatch {
  const columns = ['rule', 'family', 'severity', 'message_zh', 'message_en', 'cells', 'suggestion', 'page', 'x0', 'y0', 'x1', 'y1', 'quote', 'evidence'];
  const rows = findings.map((f) => {
    const e = f.evidence?.[0];
    return [f.rule, f.family ?? null, f.severity, f.messageZh, f.messageEn, JSON.stringify(f.cells), f.suggestion ? JSON.stringify(f.suggestion) : null, e?.page ?? null, e?.bbox?.x0 ?? null, e?.bbox?.y0 ?? null, e?.bbox?.x1 ?? null, e?.bbox?.y1 ?? null, e?.quote ?? null, JSON.stringify(f.evidence ?? [])];
  });
  return { table: 'run_findings', columns, rows };
}

/** Findings of a run, with the first evidence box in columns and all of it as JSON. */
export function insertFindings(db: Db, runId: number, findings: Finding[]): void {
  insertBatches(db, withRunId(runId, [findingBatch(findings)]));
}

/** The two statements of a late check: the check's own entry, then its family's sum (parameters as lateCheckParams gives them). */
export const LATE_CHECK_SQL = [
  `UPDATE run_ledger SET status = ?, reason = ?, failures = ? WHERE run_id = ? AND family = ? AND "check" = ?`,
  // the family sums its checks up as the parse does: fail, then insufficient_data, then pass
  `UPDATE run_ledger SET
     failures = (SELECT COALESCE(SUM(failures), 0) FROM run_ledger x WHERE x.run_id = run_ledger.run_id AND x.family = run_ledger.family AND x."check" <> '*'),
     status = (SELECT CASE WHEN SUM(CASE WHEN status = 'fail' THEN 1 ELSE 0 END) > 0 THEN 'fail' WHEN SUM(CASE WHEN status = 'insufficient_data' THEN 1 ELSE 0 END) > 0 THEN 'insufficient_data'
                      WHEN SUM(CASE WHEN status = 'pass' THEN 1 ELSE 0 END) > 0 THEN 'pass' ELSE 'not_applicable' END
               FROM run_ledger x WHERE x.run_id = run_ledger.run_id AND x.family = run_ledger.family AND x."check" <> '*'),
     reason = (SELECT group_concat(reason, '; ') FROM run_ledger x WHERE x.run_id = run_ledger.run_id AND x.family = run_ledger.family AND x."check" <> '*' AND x.status = 'insufficient_data')
   WHERE run_id = ? AND family = ? AND "check" = '*'`,
] as const;

export function lateCheckParams(runId: number, family: string, check: string, findings: Finding[], reason: string): [unknown[], unknown[]] {
  const failures = findings.filter((f) => f.severity !== 'info').length;
  return [
    [failures > 0 ? 'fail' : 'pass', reason, failures, runId, family, check],
    [runId, family],
  ];
}

/**
 * A check that ran after the parse (a split publication's narrative against its partner's tables):
 * its ledger entry and its family's, which the parse had to leave at insufficient_data.
 */
export function recordLateCheck(db: Db, runId: number, family: string, check: string, findings: Finding[], reason: string): void {
  const params = lateCheckParams(runId, family, check, findings, reason);
  LATE_CHECK_SQL.forEach((sql, i) => db.prepare(sql).run(...params[i]!));
}
