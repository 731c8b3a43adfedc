import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { describeResult, ingestFile } from '@juesuan/pipelines';
import type { ServerContext } from './context.ts';
import { parseOr400 } from './http-errors.ts';

// a plain file name of a report the pipeline reads: no folders, no dot-dot
const UploadName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\\0]+\.(pdf|txt|md|html?)$/i, 'a report file name (.pdf .txt .md .html) without folders')
  .refine((n) => !n.startsWith('.'), 'a file name cannot start with a dot');

export function ingestRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.post(
    '/',
    bodyLimit({ maxSize: ctx.maxUploadBytes, onError: (c) => c.json({ error: `the file is over the limit of ${ctx.maxUploadBytes} bytes` }, 413, { connection: 'close' }) }),
    async (c) => {
      const { name } = parseOr400(z.object({ name: UploadName }), c.req.query());
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length === 0) return c.json({ error: `${name}: empty file` }, 400);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      // kept under its sha256, so two uploads of one name never overwrite each other
      const dir = join(ctx.uploadsDir, sha256);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const result = await ingestFile(ctx.store, file, { maxBytes: ctx.maxUploadBytes });
      const status = result.status === 'failed' ? 422 : 200;
      return c.json({ status: result.status, sha256, message: describeResult(result) }, status);
    },
  );
  return app;
}
