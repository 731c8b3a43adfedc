import { createHash } from 'node:crypto';
import type { ExtractedDocument, ParsedDocument } from '@juesuan/model';
import type { DocumentInfo } from './load-run.ts';
import type { LoadForce } from './load-run.ts';
import { loadRun, loadedAlreadyQuery, recordFailedRun, runVersions } from './load-run.ts';
import type { Db } from './open-database.ts';
import { runContentDigest } from './run-content.ts';
import { diffRuns } from './run-diff.ts';
import type { RerunOutcome } from './store.ts';

/**
 * Loads a run unless a successful run of the same bytes at the same extractor and parser versions
 * is there (loaded since this process looked, or a job done twice): the check and the insert
 * share one write lock (BEGIN IMMEDIATE), so two ingests of one file load it once. A new version
 * writes a new run; `force` writes anyway (see LoadForce). Returns null when the document was already there.
 */
export function loadRunOnce(db: Db, info: DocumentInfo, extracted: ExtractedDocument, parsed: ParsedDocument, startedAt: string, force: LoadForce = false): number | null {
  const done = loadedAlreadyQuery(info.sha256, runVersions(extracted, parsed), force);
  return db.transaction(() => (done && db.prepare(done.sql).get(...done.params) ? null : loadRun(db, info, extracted, parsed, startedAt))).immediate();
}

/**
 * The document key of a path whose bytes could not be read: its content hash is unknown, so the
 * key is `path:` and the sha256 of the path, and it never collides with a real document.
 */
export function unreadableKey(path: string): string {
  return `path:${createHash('sha256').update(path).digest('hex')}`;
}

/** A file or folder that could not be read is a failed run too, keyed by its path. */
export function recordUnreadableRun(db: Db, path: string, error: { code: string; message: string }, startedAt = new Date().toISOString()): number {
  return recordFailedRun(db, { sha256: unreadableKey(path), file: path, sizeBytes: 0, format: null, pageCount: null }, error, startedAt);
}

class Unchanged extends Error {}

/**
 * Reparse's write: the new run is written, compared with the previous one, and rolled back when
 * they are the same (findings of `laterRules`, written after the parse, left out of the comparison).
 */
export function loadRunIfChanged(db: Db, info: DocumentInfo, extracted: ExtractedDocument, parsed: ParsedDocument, startedAt: string, previous: number | null, laterRules: readonly string[]): RerunOutcome {
  let changedRecords = parsed.records.length;
  try {
    const runId = db.transaction(() => {
      const id = loadRun(db, info, extracted, parsed, startedAt);
      if (previous === null) return id;
      if (runContentDigest(db, id, laterRules) === runContentDigest(db, previous, laterRules)) throw new Unchanged();
      const d = diffRuns(db, previous, id);
      changedRecords = d.added + d.removed + d.changed;
      return id;
    })();
    return { runId, changed: true, changedRecords };
  } catch (err) {
    if (!(err instanceof Unchanged)) throw err;
    return { runId: previous!, changed: false, changedRecords: 0 };
  }
}
