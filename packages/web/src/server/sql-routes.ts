import { Hono } from 'hono';
import { z } from 'zod';
import type { ServerContext } from './context.ts';
import { rowsResponse } from './downloads.ts';
import { jsonBody, notFound, parseOr400 } from './http-errors.ts';

const MAX_ROWS = 5000;
const SqlBody = z.object({ sql: z.string().trim().min(1).max(20_000), format: z.enum(['json', 'csv', 'jsonl']).default('json') }).strict();
const SavedQuery = z.object({ name: z.string().trim().min(1).max(200), sql: z.string().trim().min(1).max(20_000) }).strict();

export function sqlRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  // on the read-only connection, and only statements that read: nothing here can change the dataset
  app.post('/sql', async (c) => {
    const body = parseOr400(SqlBody, await jsonBody(c));
    let rows: Array<Record<string, unknown>> = [];
    let columns: string[] = [];
    let truncated = false;
    try {
      const stmt = ctx.reader.prepare(body.sql);
      if (!stmt.reader || !stmt.readonly) return c.json({ error: 'the SQL box is read-only: only statements that read rows run' }, 400);
      columns = stmt.columns().map((col) => col.name);
      for (const row of stmt.iterate() as Iterable<Record<string, unknown>>) {
        if (rows.length === MAX_ROWS) {
          truncated = true;
          break;
        }
        rows.push(row);
      }
    } catch (err) {
      return c.json({ error: `query failed: ${(err as Error).message}` }, 400);
    }
    return rowsResponse(c, rows, columns, body.format, 'query', { truncated });
  });

  app.get('/queries', (c) => c.json({ queries: ctx.reader.prepare('SELECT id, name, sql, created_at FROM saved_queries ORDER BY name').all() }));

  app.post('/queries', async (c) => {
    const q = parseOr400(SavedQuery, await jsonBody(c));
    const r = ctx.writer
      .prepare('INSERT INTO saved_queries (name, sql, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET sql = excluded.sql RETURNING id')
      .get(q.name, q.sql, new Date().toISOString()) as { id: number };
    return c.json({ id: r.id, ...q }, 201);
  });

  app.delete('/queries/:id', (c) => {
    const id = parseOr400(z.coerce.number().int().positive(), c.req.param('id'));
    if (ctx.writer.prepare('DELETE FROM saved_queries WHERE id = ?').run(id).changes === 0) notFound(`saved query ${id}`);
    return c.json({ deleted: id });
  });

  return app;
}
