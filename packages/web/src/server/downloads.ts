import type { Context } from 'hono';
import { csvField } from '@juesuan/loader';

/** CSV starts with a byte-order mark so Excel reads the Chinese text as UTF-8. */
export function toCsv(rows: Array<Record<string, unknown>>, columns: string[]): string {
  return `\uFEFF${columns.join(',')}\r\n${rows.map((r) => `${columns.map((c) => csvField(r[c])).join(',')}\r\n`).join('')}`;
}

export const toJsonl = (rows: unknown[]) => rows.map((r) => `${JSON.stringify(r)}\n`).join('');

/** The rows as JSON for the app, or as a CSV / JSONL file to download. */
export function rowsResponse(c: Context, rows: Array<Record<string, unknown>>, columns: string[], format: 'json' | 'csv' | 'jsonl', name: string, extra: object = {}): Response {
  if (format === 'json') return c.json({ columns, rows, ...extra });
  const disposition = `attachment; filename="${name}.${format}"`;
  if (format === 'csv') return c.body(toCsv(rows, columns), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition });
  return c.body(toJsonl(rows), 200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'content-disposition': disposition });
}
