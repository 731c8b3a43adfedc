import type { AmountRecord, Fact, Finding } from '@juesuan/model';
import type { Db } from './open-database.ts';
import { insertFindings } from './write-audit.ts';

export interface PublicationPart {
  runId: number;
  file: string;
  kind: string | null;
  records: number;
  facts: number;
}

/** The latest runs grouped by publication key, where a key has two documents or more (a split publication). */
export const SPLIT_PUBLICATIONS_SQL = `SELECT r.publication, r.id AS "runId", r.file, r.kind,
              (SELECT COUNT(*) FROM line_items li WHERE li.run_id = r.id) AS records,
              (SELECT COUNT(*) FROM facts f WHERE f.run_id = r.id) AS facts
       FROM latest_runs r WHERE r.publication IS NOT NULL AND r.publication IN
         (SELECT publication FROM latest_runs WHERE publication IS NOT NULL GROUP BY publication HAVING COUNT(*) > 1)
       ORDER BY r.publication, r.file`;

export function splitPublications(db: Db): Map<string, PublicationPart[]> {
  return groupPublications(db.prepare(SPLIT_PUBLICATIONS_SQL).all() as Array<PublicationPart & { publication: string }>);
}

export function groupPublications(rows: Array<PublicationPart & { publication: string }>): Map<string, PublicationPart[]> {
  const out = new Map<string, PublicationPart[]>();
  for (const { publication, ...part } of rows) out.set(publication, [...(out.get(publication) ?? []), part]);
  return out;
}

/** A run's records as the parser made them (the fields the narrative checks read). */
export const RECORDS_OF_RUN_SQL = 'SELECT * FROM line_items WHERE run_id = ? ORDER BY rowid';
export const FACTS_OF_RUN_SQL = 'SELECT name, code, label, amount_fen, percent, value, printed, unit, sentence, page FROM facts WHERE run_id = ? ORDER BY rowid';
export const DELETE_RULE_FINDINGS_SQL = 'DELETE FROM run_findings WHERE run_id = ? AND rule = ?';

export function recordsOfRun(db: Db, runId: number): AmountRecord[] {
  return (db.prepare(RECORDS_OF_RUN_SQL).all(runId) as Array<Record<string, unknown>>).map(recordOfRow);
}

export function recordOfRow(r: Record<string, unknown>): AmountRecord {
  return {
    tableIndex: r.table_idx as number,
    table: r.table_kind as string,
    page: r.page as number | null,
    bbox: r.x0 === null ? null : { x0: r.x0 as number, y0: r.y0 as number, x1: r.x1 as number, y1: r.y1 as number },
    row: r.row as number,
    col: r.col as number,
    side: r.side as AmountRecord['side'],
    panel: r.panel as string | null,
    group: (r.group_name as string | null) ?? null,
    code: r.code as string | null,
    codePrinted: (r.code_printed as string | null) ?? null,
    codeMethod: r.code_method as AmountRecord['codeMethod'],
    codeScore: r.code_score as number,
    codeLevel: r.code_level as number | null,
    parentCode: r.parent_code as string | null,
    classCode: r.class_code as string | null,
    label: r.label as string | null,
    labelKey: r.label_key as string | null,
    parentLabel: r.parent_label as string | null,
    context: typeof r.context === 'string' ? (JSON.parse(r.context) as Record<string, string>) : null,
    measure: r.measure as string,
    printed: r.printed as string,
    unit: r.unit as string,
    amountFen: r.amount_fen as number,
    flags: JSON.parse(r.flags as string) as string[],
  };
}

export function factsOfRun(db: Db, runId: number): Fact[] {
  return (db.prepare(FACTS_OF_RUN_SQL).all(runId) as Array<Record<string, unknown>>).map(factOfRow);
}

export function factOfRow(r: Record<string, unknown>): Fact {
  return { name: r.name as string, code: r.code as string | null, label: r.label as string | null, amountFen: r.amount_fen as number | null, percent: r.percent as number | null, value: (r.value as number | null) ?? null, printed: r.printed as string, unit: r.unit as string | null, sentence: r.sentence as string, page: r.page as number | null };
}

/** Replaces a run's findings of the given rules by new ones (checks across a publication run again). */
export function replaceFindings(db: Db, runId: number, rules: string[], findings: Finding[]): void {
  db.transaction(() => {
    const del = db.prepare(DELETE_RULE_FINDINGS_SQL);
    for (const rule of rules) del.run(runId, rule);
    insertFindings(db, runId, findings);
  })();
}
