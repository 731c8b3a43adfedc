import type { Db } from './open-database.ts';
import type { Store } from './store.ts';

export interface RunDiff {
  added: number;
  removed: number;
  changed: number;
  findingsBefore: number;
  findingsAfter: number;
  examples: string[];
}

export const RECORD_KEYS_SQL = 'SELECT table_kind, table_idx, side, panel, code, label, measure, printed, amount_fen, page FROM line_items WHERE run_id = ?';
export const ERROR_COUNT_SQL = "SELECT COUNT(*) AS n FROM run_findings WHERE run_id = ? AND severity = 'error'";

function recordKeys(rows: Array<Record<string, unknown>>): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of rows) m.set([r.table_kind, r.table_idx, r.side, r.panel, r.code, r.label, r.measure, r.page].join('|'), `${r.printed}=${r.amount_fen}`);
  return m;
}

/** What changed between two runs of a document: records added, removed, changed; findings. */
export function diffRuns(db: Db, before: number, after: number): RunDiff {
  const rows = (id: number) => db.prepare(RECORD_KEYS_SQL).all(id) as Array<Record<string, unknown>>;
  const count = (id: number) => (db.prepare(ERROR_COUNT_SQL).get(id) as { n: number }).n;
  return diffOfRows(rows(before), rows(after), count(before), count(after));
}

/** diffRuns through the store, on either backend. */
export async function diffStoredRuns(store: Store, before: number, after: number): Promise<RunDiff> {
  const rows = (id: number) => store.rows(RECORD_KEYS_SQL, [id]);
  const count = async (id: number) => (await store.rows<{ n: number }>(ERROR_COUNT_SQL, [id]))[0]!.n;
  return diffOfRows(await rows(before), await rows(after), await count(before), await count(after));
}

/** The difference of two runs' record rows (as RECORD_KEYS_SQL reads them) and error counts. */
export function diffOfRows(beforeRows: Array<Record<string, unknown>>, afterRows: Array<Record<string, unknown>>, findingsBefore: number, findingsAfter: number): RunDiff {
  const a = recordKeys(beforeRows);
  const b = recordKeys(afterRows);
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
  return { added, removed, changed, findingsBefore, findingsAfter, examples };
}
