import type { Db } from './open-database.ts';

export interface RunDiff {
  added: number;
  removed: number;
  changed: number;
  findingsBefore: number;
  findingsAfter: number;
  examples: string[];
}

function recordKeys(db: Db, runId: number): Map<string, string> {
  const rows = db.prepare('SELECT table_kind, table_idx, side, panel, code, label, measure, printed, amount_fen, page FROM line_items WHERE run_id = ?').all(runId) as Array<Record<string, unknown>>;
  const m = new Map<string, string>();
  for (const r of rows) m.set([r.table_kind, r.table_idx, r.side, r.panel, r.code, r.label, r.measure, r.page].join('|'), `${r.printed}=${r.amount_fen}`);
  return m;
}

/** What changed between two runs of a document: records added, removed, changed; findings. */
export function diffRuns(db: Db, before: number, after: number): RunDiff {
  const a = recordKeys(db, before);
  const b = recordKeys(db, after);
  const examples: string[] = [];
  let added = 0;
  let removed = 0;
  let changed = 0;
  for (const [k, v] of b) {
    if (!a.has(k)) {
      added++;
      if (examples.length < 10) examples.push(`+ ${k} ${v}`);
    } else if (a.get(k) !== v) {
      changed++;
      if (examples.length < 10) examples.push(`~ ${k} ${a.get(k)} → ${v}`);
    }
  }
  for (const [k, v] of a) {
    if (!b.has(k)) {
      removed++;
      if (examples.length < 10) examples.push(`- ${k} ${v}`);
    }
  }
  const count = (id: number) => (db.prepare("SELECT COUNT(*) AS n FROM run_findings WHERE run_id = ? AND severity = 'error'").get(id) as { n: number }).n;
  return { added, removed, changed, findingsBefore: count(before), findingsAfter: count(after), examples };
}
