import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@juesuan/web';
import { startServer } from '@juesuan/web';
import { cli, removeTempRoot, root, samples, tempDb, tempDir } from './helpers.ts';
import type { PgCluster } from './pg-cluster.ts';
import { pgAvailable, startCluster } from './pg-cluster.ts';

const FINAL = join(samples, 'sample-final-2023.pdf');
const INPUTS = [FINAL, join(samples, 'long', 'sample-long-final-2024.pdf'), join(samples, 'text', 'sample-budget-2025.md')];
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const sha = (file: string) => sha256Of(readFileSync(file));
const finalSha = sha(FINAL);
const amountCorrection = { documentSha256: finalSha, table: 'final.income', rowKey: '||||code:2100101', measure: 'total', field: 'amount', value: '752.39', reason: 'misread' };

/** A response as compared across backends: status and body, the time a correction was made left out. */
async function answer(r: Response): Promise<{ status: number; body: unknown }> {
  const text = await r.text();
  const body = r.headers.get('content-type')?.includes('json') ? (JSON.parse(text.replace(/"createdAt":"[^"]+"/g, '"createdAt":"…"')) as unknown) : text;
  return { status: r.status, body };
}

describe.skipIf(!pgAvailable)('juesuan serve on PostgreSQL, beside SQLite', () => {
  let cluster: PgCluster;
  let servers: RunningServer[];
  const both = (path: string, init?: (s: RunningServer) => RequestInit) => Promise.all(servers.map(async (s) => answer(await fetch(`${s.url}${path}`, init?.(s)))));
  const send = (method: string, path: string, body?: unknown) =>
    both(path, (s) => ({ method, headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` }, body: body === undefined ? undefined : JSON.stringify(body) }));

  beforeAll(async () => {
    cluster = await startCluster();
    const pgUrl = cluster.createDatabase('juesuan_serve');
    const liteDb = tempDb();
    for (const db of [liteDb, pgUrl]) {
      const r = cli(['ingest', ...INPUTS, '--db', db, '--concurrency', '1']);
      expect(r.code, r.stderr).toBe(0);
    }
    // one uploads folder: a dropped report has the same path on both
    const uploadsDir = tempDir('uploads-');
    servers = await Promise.all([liteDb, pgUrl].map((db) => startServer({ db, port: 0, uploadsDir, log: () => {} })));
  }, 240_000);

  afterAll(async () => {
    await Promise.all((servers ?? []).map((s) => s.close()));
    cluster?.stop();
    removeTempRoot();
  });

  it('gives the same JSON for the document list, each document, its pages, tables and cells', async () => {
    const [lite, pg] = await both('/api/documents');
    expect(pg).toEqual(lite);
    const list = lite!.body as { documents: Array<{ sha256: string; pages: number }> };
    expect(list.documents).toHaveLength(3);
    for (const query of ['?year=2023', '?kind=budget', `?q=${encodeURIComponent('东城区')}`, '?year=abc']) {
      const [a, b] = await both(`/api/documents${query}`);
      expect(b, query).toEqual(a);
    }
    for (const { sha256 } of list.documents) {
      const [a, b] = await both(`/api/documents/${sha256}`);
      expect(b).toEqual(a);
      const doc = a!.body as { pages: Array<{ number: number }>; tables: Array<{ idx: number }>; findings: unknown[] };
      expect(doc.pages.length).toBeGreaterThan(0);
      for (const t of doc.tables) {
        const [x, y] = await both(`/api/documents/${sha256}/tables/${t.idx}`);
        expect(y).toEqual(x);
      }
      for (const p of doc.pages) {
        const [x, y] = await both(`/api/documents/${sha256}/pages/${p.number}/cells`);
        expect(y).toEqual(x);
      }
    }
    const cells = (await both(`/api/documents/${finalSha}/pages/5/cells`))[1]!.body as { cells: Array<{ amount_fen: number }> };
    expect(cells.cells.length).toBeGreaterThan(5);
    expect(cells.cells.every((c) => Number.isSafeInteger(c.amount_fen))).toBe(true);
    const [pdfLite, pdfPg] = await both(`/api/documents/${finalSha}/pdf`);
    expect(pdfPg!.status).toBe(200);
    expect(pdfPg).toEqual(pdfLite);
    expect((await both(`/api/documents/${'0'.repeat(64)}`)).map((r) => r.status)).toEqual([404, 404]);
  });

  it('explores codes across documents the same way', async () => {
    for (const path of ['/api/explore/options', '/api/explore/codes', '/api/explore/codes?table=final.income', '/api/explore/pivot?code=210&table=final.income', '/api/explore/across?code=210', '/api/explore/across?code=210&format=csv']) {
      const [a, b] = await both(path);
      expect(b, path).toEqual(a);
      expect(a!.status, path).toBe(200);
    }
    const pivot = (await both('/api/explore/pivot?code=210&measure=total'))[1]!.body as { rows: Array<{ amount_fen: number }> };
    expect(pivot.rows.length).toBeGreaterThan(0);
  });

  it('stores corrections, findings checked again over them, and deletes them the same way', async () => {
    const [a, b] = await send('POST', '/api/corrections', amountCorrection);
    expect(a!.status).toBe(201);
    expect(b).toEqual(a);
    const label = await send('POST', '/api/corrections', { ...amountCorrection, measure: '*', field: 'label', value: '行政运行（更正）' });
    expect(label[1]).toEqual(label[0]);
    for (const path of ['/api/corrections', `/api/corrections?document=${finalSha}`, `/api/documents/${finalSha}`, `/api/documents/${finalSha}/pages/5/cells`, '/api/explore/across?code=2100101']) {
      const [x, y] = await both(path);
      expect(y, path).toEqual(x);
    }
    const id = (a!.body as { correction: { id: number } }).correction.id;
    expect(await send('DELETE', `/api/corrections/${id}`)).toEqual([
      { status: 200, body: { deleted: id } },
      { status: 200, body: { deleted: id } },
    ]);
    expect((await send('DELETE', `/api/corrections/${id}`)).map((r) => r.status)).toEqual([404, 404]);
  });

  it('runs reading SQL on a read-only transaction, refuses writes, and keeps saved queries', async () => {
    const [a, b] = await send('POST', '/api/sql', { sql: 'SELECT file, "table", code, amount_fen FROM records ORDER BY file, run, table_idx, row, col' });
    expect(b).toEqual(a);
    expect((a!.body as { rows: unknown[] }).rows.length).toBeGreaterThan(50);
    const csv = await send('POST', '/api/sql', { sql: "SELECT '示例' AS name", format: 'csv' });
    expect(csv[1]).toEqual(csv[0]);
    for (const sql of ['DELETE FROM documents', 'DROP TABLE corrections', "INSERT INTO saved_queries (name, sql, created_at) VALUES ('a', 'b', 'c')", 'SELECT 1; COMMIT; DELETE FROM corrections', 'SELECT * FROM nowhere']) {
      expect((await send('POST', '/api/sql', { sql })).map((r) => r.status), sql).toEqual([400, 400]);
    }
    expect(((await send('POST', '/api/sql', { sql: 'SELECT COUNT(*) AS n FROM documents' }))[1]!.body as { rows: unknown[] }).rows).toEqual([{ n: 3 }]);
    const saved = await send('POST', '/api/queries', { name: 'codes', sql: 'SELECT code FROM records' });
    expect(saved[1]).toEqual(saved[0]);
    const listed = await both('/api/queries');
    expect((listed[1]!.body as { queries: Array<{ name: string }> }).queries.map((q) => q.name)).toEqual(['codes']);
    const id = (saved[0]!.body as { id: number }).id;
    expect((await send('DELETE', `/api/queries/${id}`)).map((r) => r.status)).toEqual([200, 200]);
  });

  it('ingests a dropped report into PostgreSQL', async () => {
    const file = join(samples, 'text', 'sample-final-2022.txt');
    const bytes = readFileSync(file);
    const dropped = await both(`/api/ingest?name=sample-final-2022.txt`, (s) => ({ method: 'POST', headers: { authorization: `Bearer ${s.token}` }, body: bytes }));
    expect(dropped.map((r) => r.status)).toEqual([200, 200]);
    // the message ends with the seconds it took
    const [a0, b0] = dropped.map((r) => ({ ...(r.body as { message: string }), message: (r.body as { message: string }).message.replace(/, [\d.]+ s$/, '') }));
    expect(b0).toEqual(a0);
    expect(b0).toMatchObject({ status: 'ok', sha256: sha(file) });
    const [a, b] = await both('/api/documents');
    expect(b).toEqual(a);
    expect((b!.body as { documents: Array<{ sha256: string }> }).documents.map((d) => d.sha256)).toContain(sha(file));
  });

  it('is what `juesuan serve --db postgres://…` serves, a PDF ingested elsewhere from the bytes queued in PostgreSQL', async () => {
    const db = cluster.createDatabase('juesuan_serve_cli');
    // a file of another machine: ingested, then gone from here
    const elsewhere = join(tempDir('elsewhere-'), 'report.pdf');
    copyFileSync(FINAL, elsewhere);
    expect(cli(['ingest', elsewhere, '--db', db]).code).toBe(0);
    rmSync(elsewhere);
    const child = spawn(process.execPath, [join(root, 'packages/cli/bin/juesuan.js'), 'serve', '--db', db, '--port', '0'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      let err = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (d: Buffer) => {
          err += d.toString();
          const m = /juesuan serve: (http:\/\/\S+?)\/\?token=/.exec(err);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
      });
      const docs = (await (await fetch(`${url}/api/documents`)).json()) as { documents: Array<{ sha256: string }> };
      expect(docs.documents.map((d) => d.sha256)).toEqual([finalSha]);
      expect((await fetch(`${url}/api/documents/${finalSha}/pdf`)).status).toBe(404);
      copyFileSync(FINAL, elsewhere);
      expect(cli(['enqueue', elsewhere, '--db', db, '--force']).stdout).toMatch(/queued 1 documents/);
      rmSync(elsewhere);
      const pdf = await fetch(`${url}/api/documents/${finalSha}/pdf`);
      expect(pdf.status).toBe(200);
      expect(sha256Of(new Uint8Array(await pdf.arrayBuffer()))).toBe(finalSha);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
