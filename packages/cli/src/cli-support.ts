import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { ASKED_DPI, OCR_RESOLUTION } from '@juesuan/extractor';
import { z } from 'zod';
import type { Db, Store } from '@juesuan/loader';
import { isPostgresUrl, openStore, openReadOnlyCurrent, sqliteStore } from '@juesuan/loader';

/** Where the database lives unless --db says otherwise (relative to the directory the user stands in). */
export const defaultDb = (): string => resolve('data', 'juesuan.sqlite');

export const dbOption = () => new Option('--db <file>', 'database file, or a postgres:// URL (a shared PostgreSQL database)').default(defaultDb(), 'data/juesuan.sqlite');

/** --dpi, and its value as options are checked: none, each page drawn as it is (ocr-resolution.ts). */
export const dpiOption = () => {
  const { fine, scans } = OCR_RESOLUTION;
  return new Option('--dpi <n>', `rendering resolution for OCR (default: ${scans.at} for grey and colour scans of ${scans.from} dpi or more, ${fine} for other pages)`);
};
export const DpiValue = z.coerce.number().int().min(ASKED_DPI.min).max(ASKED_DPI.max).optional();

export function fail(message: string, code = 2): never {
  process.stderr.write(`juesuan: ${message}\n`);
  process.exit(code);
}

/** An option's name as the user typed it: maxMb → --max-mb. */
export const optionName = (key: PropertyKey): string => `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export function parseOptions<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (!r.success) fail(`bad option: ${r.error.issues.map((i) => `${i.path.map(optionName).join('.')} ${i.message}`).join('; ')}`);
  return r.data;
}

/** A database's name as it can be shown: a URL's password left out. */
export const shownDb = (db: string): string => db.replace(/\/\/[^@/]*@/, '//…@');

/** The database for reading (brought up to the current schema first), or a one-line error naming it. */
export function readOnlyOrFail(path: string): Db {
  if (!existsSync(path)) fail(`${path}: no database here yet: run \`juesuan ingest\` first, or give --db`);
  try {
    return openReadOnlyCurrent(path);
  } catch (err) {
    fail(`${path}: cannot open database (${(err as Error).message})`);
  }
}

/**
 * The store `--db` names, or a one-line error naming it: for reading (a SQLite file must exist
 * and is opened read-only) or for writing (a new SQLite file is made).
 */
export async function openStoreOrFail(db: string, options: { readOnly: boolean }): Promise<Store> {
  if (options.readOnly && !isPostgresUrl(db)) return sqliteStore(readOnlyOrFail(db));
  try {
    return await openStore(db);
  } catch (err) {
    fail(`${shownDb(db)}: cannot open database (${(err as Error).message})`);
  }
}
