import type { QueryResult } from '@juesuan/loader';
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
    let result: QueryResult;
    try {
      result = await ctx.store.query(body.sql, { maxRows: MAX_ROWS });
    } catch (err) {
      const message = (err as Error).message;
      if (/only statements that read rows|read-only transaction/.test(message)) return c.json({ error: 'the SQL box is read-only: only statements that read rows run' }, 400);
      return c.json({ error: `query failed: ${message}` }, 400);
    }
    const { columns, truncated } = result;
    // as objects: a name given twice keeps its last value, as before
    const rows = result.rows.map((values) => Object.fromEntries(columns.map((col, i) => [col, values[i]])));
    return rowsResponse(c, rows, columns, body.format, 'query', { truncated });
  });

  app.get('/queries', async (c) => c.json({ queries: await ctx.store.rows('SELECT id, name, sql, created_at FROM saved_queries ORDER BY name') }));

  app.post('/queries', async (c) => {
    const q = parseOr400(SavedQuery, await jsonBody(c));
    const r = await ctx.store.write('INSERT INTO saved_queries (name, sql, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET sql = excluded.sql RETURNING id', [q.name, q.sql, new Date().toISOString()]);
    return c.json({ id: r.rows[0]!.id, ...q }, 201);
  });

  app.delete('/queries/:id', async (c) => {
    const id = parseOr400(z.coerce.number().int().positive(), c.req.param('id'));
    if ((await ctx.store.write('DELETE FROM saved_queries WHERE id = ?', [id])).changes === 0) notFound(`saved query ${id}`);
    return c.json({ deleted: id });
  });

  return app;
}
