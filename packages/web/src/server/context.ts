import type { Db } from '@juesuan/loader';

/** What every route works with: one writer connection, one read-only connection, the write token. */
export interface ServerContext {
  dbPath: string;
  writer: Db;
  reader: Db;
  token: string;
  /** where dropped reports are kept, named by their sha256 */
  uploadsDir: string;
  /** the largest report accepted, in bytes */
  maxUploadBytes: number;
  /** the built browser app */
  clientDir: string;
}
