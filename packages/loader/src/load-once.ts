import { createHash } from 'node:crypto';
import type { ExtractedDocument, ParsedDocument } from '@juesuan/model';
import type { DocumentInfo } from './load-run.ts';
import { hasSuccessfulRun, loadRun, recordFailedRun } from './load-run.ts';
import type { Db } from './open-database.ts';

/**
 * Loads a run unless another process loaded the same bytes since this one looked: the check and
 * the insert share one write lock (BEGIN IMMEDIATE), so two ingests of one file load it once.
 * Returns null when the document was already there.
 */
export function loadRunOnce(db: Db, info: DocumentInfo, extracted: ExtractedDocument, parsed: ParsedDocument, startedAt: string, force = false): number | null {
  return db.transaction(() => (!force && hasSuccessfulRun(db, info.sha256) ? null : loadRun(db, info, extracted, parsed, startedAt))).immediate();
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
