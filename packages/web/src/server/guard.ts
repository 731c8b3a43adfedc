import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Every request that changes something carries the token printed at start-up. */
export function requireTokenForWrites(token: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const given = c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
      if (!sameToken(given, token)) throw new HTTPException(401, { message: 'this change needs the token printed when `juesuan serve` started' });
    }
    await next();
  };
}

/** Only names this machine answers to: a page of another site cannot reach the API through DNS rebinding. */
export function allowHosts(hosts: Set<string> | null): MiddlewareHandler {
  return async (c, next) => {
    const host = (c.req.header('host') ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    if (hosts && !hosts.has(host)) throw new HTTPException(403, { message: `host ${host} is not served` });
    await next();
  };
}
