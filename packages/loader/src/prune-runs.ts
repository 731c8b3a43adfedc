import type { Db } from './open-database.ts';

/** The extractor version of a cache key (`0.4.0;ocr=auto;dpi=300` → `0.4.0`; a bare version stays). */
const versionOf = (col: string) => `CASE WHEN instr(${col}, ';') > 0 THEN substr(${col}, 1, instr(${col}, ';') - 1) ELSE ${col} END`;

export interface PruneResult {
  runs: number;
  extractions: number;
}

/** Of each document only its latest successful run and its latest run of any status stay (their rows go with the others). */
export const PRUNE_RUNS_SQL = `DELETE FROM runs WHERE id NOT IN (
   SELECT MAX(id) FROM runs WHERE status = 'ok' GROUP BY document_sha256
   UNION SELECT MAX(id) FROM runs GROUP BY document_sha256)`;
/** Cached extractions of older extractor versions that no kept run used (other options of the newest version stay). */
export const PRUNE_CACHE_SQL = `DELETE FROM extractions WHERE ${versionOf('extractor_version')} <> (SELECT MAX(${versionOf('x.extractor_version')}) FROM extractions x WHERE x.sha256 = extractions.sha256)
   AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.document_sha256 = extractions.sha256 AND r.extractor_version = ${versionOf('extractions.extractor_version')})`;

/** Drops superseded runs, and with `cache` the cached extractions no kept run used, in one transaction. */
export function pruneRuns(db: Db, options: { cache?: boolean } = {}): PruneResult {
  return db.transaction(() => {
    const runs = db.prepare(PRUNE_RUNS_SQL).run().changes;
    const extractions = options.cache ? db.prepare(PRUNE_CACHE_SQL).run().changes : 0;
    return { runs, extractions };
  })();
}
