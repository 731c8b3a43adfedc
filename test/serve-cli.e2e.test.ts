import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, removeTempRoot, root, tempDb } from './helpers.ts';

afterAll(removeTempRoot);

/** Starts `juesuan serve` as a user would and waits for the URL line; the caller stops it by its pid. */
function serve(args: string[]): Promise<{ pid: number; url: string; token: string; stderr: () => string; stop: () => void }> {
  const child = spawn(process.execPath, [join(root, 'packages/cli/bin/juesuan.js'), 'serve', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /juesuan serve: (http:\/\/\S+?)\/\?token=(\S+)/.exec(err);
      if (m) resolve({ pid: child.pid!, url: m[1]!, token: m[2]!, stderr: () => err, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

describe('juesuan serve (the command)', () => {
  it('listens on 127.0.0.1, prints the URL with a token, answers the API, and warns when --host exposes it', async () => {
    const db = tempDb();
    expect(cli(['ingest', join(root, 'samples', 'sample-budget-2025.pdf'), '--db', db]).code).toBe(0);
    const local = await serve(['--db', db, '--port', '0']);
    try {
      expect(local.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(local.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const docs = (await (await fetch(`${local.url}/api/documents`)).json()) as { documents: unknown[] };
      expect(docs.documents).toHaveLength(1);
      expect(local.stderr()).not.toMatch(/WARNING/);
    } finally {
      local.stop();
    }
    const exposed = await serve(['--db', db, '--port', '0', '--host', '0.0.0.0']);
    exposed.stop();
    expect(exposed.stderr()).toMatch(/^WARNING: serving on 0\.0\.0\.0, reachable from other machines/m);
  });

  it('refuses a bad option with a one-line error', () => {
    const r = cli(['serve', '--port', 'eighty', '--db', tempDb()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^juesuan: bad option: --port /);
  });
});
