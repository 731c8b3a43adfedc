import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ServerContext } from './context.ts';
import { correctionRoutes } from './correction-routes.ts';
import { documentRoutes } from './document-routes.ts';
import { exploreRoutes } from './explore-routes.ts';
import { allowHosts, requireTokenForWrites } from './guard.ts';
import { ingestRoutes } from './ingest-routes.ts';
import { sqlRoutes } from './sql-routes.ts';
import { staticRoutes } from './static-routes.ts';

/** JSON bodies of the API are small; reports come only through /api/ingest with their own limit. */
export const MAX_JSON_BYTES = 256 * 1024;

/** The whole app: API under /api, the browser app and pdf.js assets elsewhere. */
export function createApp(ctx: ServerContext, options: { hosts: Set<string> | null }): Hono {
  const app = new Hono();
  app.use('*', secureHeaders({ crossOriginEmbedderPolicy: false, contentSecurityPolicy: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'], workerSrc: ["'self'", 'blob:'], fontSrc: ["'self'", 'data:', 'blob:'], styleSrc: ["'self'", "'unsafe-inline'"] } }));
  app.use('*', allowHosts(options.hosts));
  const api = new Hono();
  api.use('*', async (c, next) => {
    // reading SQL is not a change: the SQL box works without the token, on the read-only connection
    if (c.req.path === '/api/sql') return next();
    return requireTokenForWrites(ctx.token)(c, next);
  });
  api.use('*', async (c, next) => (c.req.path === '/api/ingest' ? next() : bodyLimit({ maxSize: MAX_JSON_BYTES, onError: (x) => x.json({ error: `request body over ${MAX_JSON_BYTES} bytes` }, 413, { connection: 'close' }) })(c, next)));
  api.get('/health', (c) => c.json({ ok: true }));
  api.route('/documents', documentRoutes(ctx));
  api.route('/corrections', correctionRoutes(ctx));
  api.route('/explore', exploreRoutes(ctx));
  api.route('/ingest', ingestRoutes(ctx));
  api.route('/', sqlRoutes(ctx));
  api.all('*', (c) => c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404));
  app.route('/api', api);
  app.route('/', staticRoutes(ctx));
  app.onError((err, c) => {
    if (err instanceof HTTPException) return c.json({ error: err.message }, err.status);
    process.stderr.write(`juesuan serve: ${c.req.method} ${c.req.path}: ${err.message}\n`);
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
