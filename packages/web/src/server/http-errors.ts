import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';

/** A request that does not fit its schema: 400 with the zod issues in one line. */
export function parseOr400<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new HTTPException(400, { message: r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
  return r.data;
}

export function notFound(what: string): never {
  throw new HTTPException(404, { message: `${what} not found` });
}

/** A JSON body, or 400 when it is not JSON. */
export async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HTTPException(400, { message: 'body: not JSON' });
  }
}
