import type { Store } from '@juesuan/loader';

/** What every route works with: the dataset (SQLite or PostgreSQL, through the store) and the write token. */
export interface ServerContext {
  /** reads go to a read-only connection on SQLite, a person's SQL to a read-only transaction on either */
  store: Store;
  token: string;
  /** where dropped reports are kept, named by their sha256 */
  uploadsDir: string;
  /** the largest report accepted, in bytes */
  maxUploadBytes: number;
  /** the built browser app */
  clientDir: string;
}
