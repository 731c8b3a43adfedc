import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option } from 'commander';
import type { z } from 'zod';
import type { Db } from '@juesuan/loader';
import { openReadOnlyCurrent } from '@juesuan/loader';

/** Where the database lives unless --db says otherwise (relative to the directory the user stands in). */
export const defaultDb = (): string => resolve('data', 'juesuan.sqlite');

export const dbOption = () => new Option('--db <file>', 'database file, or a postgres:// URL (a shared PostgreSQL database)').default(defaultDb(), 'data/juesuan.sqlite');

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

/** The database for reading (brought up to the current schema first), or a one-line error naming it. */
/** Commands not yet on PostgreSQL say so in one line. */
export function sqliteOnly(path: string): void {
  if (/^postgres(ql)?:\/\//.test(path)) fail('this command works on a SQLite file only; on PostgreSQL: ingest, reparse, query, export, summary, enqueue, worker, status');
}

export function readOnlyOrFail(path: string): Db {
  sqliteOnly(path);
  if (!existsSync(path)) fail(`${path}: no database here yet: run \`juesuan ingest\` first, or give --db`);
  try {
    return openReadOnlyCurrent(path);
  } catch (err) {
    fail(`${path}: cannot open database (${(err as Error).message})`);
  }
}
