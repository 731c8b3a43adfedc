import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join, dirname, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { isPostgresUrl, openStore } from '@juesuan/loader';
import { createApp } from './server/app.ts';
import { buildClient, CLIENT_DIST } from './build-client.ts';
import type { ServerContext } from './server/context.ts';

export interface ServeOptions {
  /** a SQLite file, or a postgres:// URL */
  db: string;
  /** where dropped reports are kept: beside a SQLite file by default, data/uploads on PostgreSQL */
  uploadsDir?: string;
  host?: string;
  port?: number;
  /** the write token; a fresh random one by default */
  token?: string;
  maxUploadBytes?: number;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

const LOCAL = new Set(['127.0.0.1', 'localhost', '::1']);

/** Builds the app if its sources changed, opens the store (on SQLite a writer and a read-only connection) and listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const host = options.host ?? '127.0.0.1';
  const onPostgres = isPostgresUrl(options.db);
  const db = onPostgres ? options.db : resolve(options.db);
  const built = await buildClient({ quiet: true });
  if (built.built) log(`built the browser app in ${built.seconds.toFixed(1)} s`);
  const store = await openStore(db, { reader: true });
  const ctx: ServerContext = {
    store,
    token: options.token ?? randomBytes(24).toString('base64url'),
    uploadsDir: options.uploadsDir ?? (onPostgres ? resolve('data', 'uploads') : join(dirname(db), 'uploads')),
    maxUploadBytes: options.maxUploadBytes ?? 200 * 2 ** 20,
    clientDir: CLIENT_DIST,
  };
  // bound to this machine, only its own names are answered; exposed with --host, any name is
  const app = createApp(ctx, { hosts: LOCAL.has(host) ? LOCAL : null });
  const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8737 });
  try {
    await new Promise<void>((res, rej) => {
      server.once('listening', () => res());
      server.once('error', rej);
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!LOCAL.has(host)) log(`WARNING: serving on ${host}, reachable from other machines; anyone with the token can change corrections and ingest files`);
  log(`juesuan serve: ${url}/?token=${ctx.token}`);
  log(`write token: ${ctx.token}`);
  return {
    url,
    token: ctx.token,
    close: () =>
      new Promise<void>((res) => {
        server.close(() => void store.close().then(res));
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
