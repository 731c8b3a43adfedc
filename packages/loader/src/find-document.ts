import { resolve } from 'node:path';
import type { Store } from './store.ts';

export interface DocumentRef {
  sha256: string;
  file: string;
}

/** A sha256 prefix long enough to mean one document rather than a guess. */
export const MIN_SHA_PREFIX = 8;

/**
 * The documents a user's reference names: a sha256 prefix (at least 8 hex digits), or a file path
 * exactly as ingested or resolving to the same place. Never a partial name match.
 */
export async function findDocuments(store: Store, ref: string): Promise<DocumentRef[]> {
  if (new RegExp(`^[0-9a-f]{${MIN_SHA_PREFIX},64}$`, 'i').test(ref)) {
    return store.rows<DocumentRef>('SELECT sha256, file FROM documents WHERE sha256 >= ? AND sha256 < ? ORDER BY sha256', [ref.toLowerCase(), `${ref.toLowerCase()}g`]);
  }
  if (ref.trim() === '') return [];
  const wanted = resolve(ref);
  // a path that could not be read has a `path:` key, not bytes: it names no document
  const rows = await store.rows<DocumentRef>(`SELECT document_sha256 AS sha256, file FROM runs WHERE document_sha256 NOT LIKE 'path:%' UNION SELECT sha256, file FROM documents WHERE sha256 NOT LIKE 'path:%' ORDER BY 1, 2`);
  const bySha = new Map<string, DocumentRef>();
  for (const r of rows) if (r.file === ref || resolve(r.file) === wanted) bySha.set(r.sha256, { sha256: r.sha256, file: r.file });
  return [...bySha.values()];
}

/** The one document a reference names, or why there is not exactly one. */
export async function findOneDocument(store: Store, ref: string): Promise<DocumentRef | { error: string }> {
  const found = await findDocuments(store, ref);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) {
    const hint = /^[0-9a-f]+$/i.test(ref) && ref.length < MIN_SHA_PREFIX ? ` (a sha256 prefix needs at least ${MIN_SHA_PREFIX} characters)` : '';
    return { error: `${ref === '' ? '""' : ref}: no such document${hint}` };
  }
  return { error: `${ref}: names ${found.length} documents (${found.map((d) => d.sha256.slice(0, 12)).join(', ')}); give a longer sha256 prefix` };
}
