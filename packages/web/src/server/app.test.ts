import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, openReadOnly, sqliteStore } from '@juesuan/loader';
import { ingestFiles, reparseAll } from '@juesuan/pipelines';
import type { RunningServer } from '../start-server.ts';
import { startServer } from '../start-server.ts';

const samples = join(import.meta.dirname, '..', '..', '..', '..', 'samples');
const FINAL = join(samples, 'sample-final-2023.pdf');
const LONG = join(samples, 'long', 'sample-long-final-2024.pdf');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let dir: string;
let db: string;
let server: RunningServer;
const startLog: string[] = [];
const finalSha = sha(FINAL);

const get = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, init);
const write = (method: string, path: string, body: unknown, token: string | null = server.token) =>
  fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const amountCorrection = { documentSha256: finalSha, table: 'final.income', rowKey: '||||code:2100101', measure: 'total', field: 'amount', value: '752.39', reason: 'misread' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'juesuan-web-'));
  db = join(dir, 'db.sqlite');
  const w = openDatabase(db);
  const results = await ingestFiles(sqliteStore(w), [FINAL, LONG], { concurrency: 1 });
  w.close();
  expect(results.map((r) => r.status)).toEqual(['ok', 'ok']);
  server = await startServer({ db, port: 0, maxUploadBytes: 600_000, log: (l) => startLog.push(l) });
}, 120_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('documents', () => {
  it('lists documents with their counts, filtered by kind, year, region and search', async () => {
    const all = (await (await get('/api/documents')).json()) as { documents: Array<Record<string, unknown>>; facets: { years: number[] } };
    expect(all.documents.map((d) => [d.fiscal_year, d.kind, d.records])).toEqual([[2024, 'final', 26], [2023, 'final', 51]]);
    expect(all.facets.years).toEqual([2023, 2024]);
    const y = (await (await get('/api/documents?year=2023')).json()) as { documents: Array<{ sha256: string }> };
    expect(y.documents.map((d) => d.sha256)).toEqual([finalSha]);
    expect(((await (await get('/api/documents?q=东城区')).json()) as { documents: unknown[] }).documents).toHaveLength(1);
    expect(((await (await get('/api/documents?kind=budget')).json()) as { documents: unknown[] }).documents).toHaveLength(0);
    expect((await get('/api/documents?year=abc')).status).toBe(400);
  });

  it('gives a document with pages, tables and findings; unknown or malformed names are refused', async () => {
    const d = (await (await get(`/api/documents/${finalSha}`)).json()) as { pages: unknown[]; tables: Array<{ kind: string }>; findings: unknown[] };
    expect(d.pages).toHaveLength(9);
    expect(d.tables.map((t) => t.kind)).toEqual(['final.summary', 'final.income', 'final.gpb_basic', 'final.three_public']);
    expect((await get(`/api/documents/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await get('/api/documents/not-a-sha')).status).toBe(400);
  });

  it('serves a PDF by its sha256 only, never by a path', async () => {
    const r = await get(`/api/documents/${finalSha}/pdf`);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(createHash('sha256').update(new Uint8Array(await r.arrayBuffer())).digest('hex')).toBe(finalSha);
    for (const path of ['/api/documents/..%2F..%2F..%2Fpackage.json/pdf', '/api/documents/%2Fetc%2Fpasswd/pdf', `/api/documents/${finalSha}%2F..%2F..%2Fpackage.json/pdf`]) {
      expect([400, 404]).toContain((await get(path)).status);
    }
  });

  it("gives a page's outlined cells (one per record) and a table's grid", async () => {
    const cells = (await (await get(`/api/documents/${finalSha}/pages/5/cells`)).json()) as { cells: Array<{ state: string; row_key: string }> };
    const r = openReadOnly(db);
    const { n } = r.prepare('SELECT COUNT(*) AS n FROM records WHERE document_sha256 = ? AND page = 5').get(finalSha) as { n: number };
    r.close();
    expect(cells.cells).toHaveLength(n);
    expect(new Set(cells.cells.map((c) => c.state))).toEqual(new Set(['read']));
    const grid = (await (await get(`/api/documents/${finalSha}/tables/1`)).json()) as { table: { kind: string }; cells: unknown[]; records: unknown[] };
    expect(grid.table.kind).toBe('final.income');
    expect(grid.records).toHaveLength(26);
    expect(grid.cells.length).toBeGreaterThan(26);
    expect((await get(`/api/documents/${finalSha}/tables/99`)).status).toBe(404);
    expect((await get(`/api/documents/${finalSha}/pages/0/cells`)).status).toBe(400);
  });
});

describe('corrections', () => {
  it('refuses writes without the right token', async () => {
    expect((await write('POST', '/api/corrections', amountCorrection, null)).status).toBe(401);
    expect((await write('POST', '/api/corrections', amountCorrection, 'wrong')).status).toBe(401);
    expect((await write('DELETE', '/api/corrections/1', undefined, null)).status).toBe(401);
    expect((await write('POST', '/api/queries', { name: 'x', sql: 'SELECT 1' }, null)).status).toBe(401);
    expect(((await (await get('/api/corrections')).json()) as { corrections: unknown[] }).corrections).toEqual([]);
  });

  it('validates bodies: shape, amounts, records that exist, size', async () => {
    expect((await write('POST', '/api/corrections', { ...amountCorrection, reason: '' })).status).toBe(400);
    expect((await write('POST', '/api/corrections', { ...amountCorrection, extra: 1 })).status).toBe(400);
    expect((await write('POST', '/api/corrections', { ...amountCorrection, value: 'abc' })).status).toBe(400);
    expect((await write('POST', '/api/corrections', { ...amountCorrection, measure: '*' })).status).toBe(400);
    expect((await write('POST', '/api/corrections', { ...amountCorrection, rowKey: '||||code:999' })).status).toBe(404);
    expect((await write('POST', '/api/corrections', '{not json')).status).toBe(400);
    expect((await write('POST', '/api/corrections', { ...amountCorrection, reason: 'x'.repeat(300_000) })).status).toBe(413);
  });

  it('stores a correction, checks the identities again, keeps it through reparse, and deletes it', async () => {
    const r = await write('POST', '/api/corrections', amountCorrection);
    expect(r.status).toBe(201);
    const body = (await r.json()) as { correction: { id: number; amountFen: number; original: string }; findings: Array<{ rule: string; severity: string }> };
    expect(body.correction).toMatchObject({ amountFen: 752_390_000, original: '752.29' });
    const broken = body.findings.filter((f) => f.severity === 'error');
    expect(broken.length).toBeGreaterThan(0);
    // the same cell corrected back: the identities hold again, and the findings say they were resolved
    const back = (await (await write('POST', '/api/corrections', { ...amountCorrection, value: '752.29' })).json()) as { correction: { id: number }; findings: Array<{ severity: string }>; resolved: unknown[] };
    expect(back.correction.id).toBe(body.correction.id);
    expect(back.findings.filter((f) => f.severity === 'error')).toEqual([]);
    await write('POST', '/api/corrections', amountCorrection);
    await write('POST', '/api/corrections', { ...amountCorrection, measure: '*', field: 'label', value: '行政运行（更正）' });

    // a new run of the document: the corrections outlive it (reparse records one only when the parse changed)
    const w = openDatabase(db);
    await reparseAll(sqliteStore(w));
    await ingestFiles(sqliteStore(w), [FINAL], { force: true });
    w.close();
    const cells = (await (await get(`/api/documents/${finalSha}/pages/5/cells`)).json()) as { cells: Array<{ row_key: string; measure: string; state: string; amount_fen: number; label: string; run: number }> };
    const cell = cells.cells.find((c) => c.row_key === '||||code:2100101' && c.measure === 'total')!;
    expect(cell).toMatchObject({ state: 'corrected', amount_fen: 752_390_000, label: '行政运行（更正）' });
    expect(cell.run).toBeGreaterThan(2);
    const d = (await (await get(`/api/documents/${finalSha}`)).json()) as { findings: Array<{ severity: string }>; corrections: unknown[] };
    expect(d.corrections).toHaveLength(2);
    expect(d.findings.some((f) => f.severity === 'error')).toBe(true);

    const list = (await (await get(`/api/corrections?document=${finalSha}`)).json()) as { corrections: Array<{ id: number }> };
    const del = await write('DELETE', `/api/corrections/${list.corrections[1]!.id}`, undefined);
    expect(del.status).toBe(200);
    expect((await write('DELETE', `/api/corrections/${list.corrections[1]!.id}`, undefined)).status).toBe(404);
  });
});

describe('explore and SQL', () => {
  it('offers tables, measures and codes with their catalog names', async () => {
    const o = (await (await get('/api/explore/options')).json()) as { tables: Array<{ table: string; measure: string }>; regions: string[]; years: number[] };
    expect(o.tables).toContainEqual(expect.objectContaining({ table: 'final.income', measure: 'total' }));
    expect(o.years).toEqual([2023, 2024]);
    const codes = (await (await get('/api/explore/codes?table=final.income')).json()) as { codes: Array<{ code: string; name: string | null; documents: number }> };
    expect(codes.codes.find((c) => c.code === '210')).toEqual(expect.objectContaining({ name: '卫生健康支出', documents: 2 }));
  });

  it('pivots regions × years, follows a code across documents, and downloads CSV with a BOM or JSONL', async () => {
    const p = (await (await get('/api/explore/pivot?code=210&table=final.income&measure=total')).json()) as { rows: Array<Record<string, unknown>>; name: string };
    expect(p.name).toBe('卫生健康支出');
    expect(p.rows.map((r) => [r.region, r.fiscal_year, r.amount_fen])).toEqual([
      ['示例市东城区', 2024, 1_300_000_000],
      ['示例市示例区', 2023, 1_200_470_000],
    ]);
    const csv = await get('/api/explore/across?code=210&table=final.income&format=csv');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="code-210-total\.csv"/);
    const text = new Uint8Array(await csv.arrayBuffer());
    expect([...text.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(text).split('\r\n').filter(Boolean)).toHaveLength(3);
    const jsonl = await (await get('/api/explore/across?code=210&format=jsonl')).text();
    expect(jsonl.trim().split('\n').map((l) => (JSON.parse(l) as { fiscal_year: number }).fiscal_year)).toEqual([2023, 2024]);
    expect((await get('/api/explore/pivot?code=21a')).status).toBe(400);
    const east = (await (await get(`/api/explore/pivot?code=210&table=final.income&region=${encodeURIComponent('示例市东城区')}`)).json()) as { rows: unknown[] };
    expect(east.rows).toHaveLength(1);
    const y2023 = (await (await get('/api/explore/across?code=210&year=2023')).json()) as { rows: Array<{ fiscal_year: number }> };
    expect(y2023.rows.map((r) => r.fiscal_year)).toEqual([2023]);
  });

  it('runs reading SQL without the token and refuses anything that writes', async () => {
    const ok = (await (await write('POST', '/api/sql', { sql: 'SELECT COUNT(*) AS n FROM documents' }, null)).json()) as { rows: Array<{ n: number }> };
    expect(ok.rows).toEqual([{ n: 2 }]);
    for (const sql of ['DELETE FROM documents', 'DROP TABLE corrections', "INSERT INTO saved_queries (name, sql, created_at) VALUES ('a', 'b', 'c')", "ATTACH DATABASE '/tmp/x.sqlite' AS x", 'PRAGMA journal_mode = DELETE']) {
      const r = await write('POST', '/api/sql', { sql });
      expect(r.status, sql).toBe(400);
    }
    expect((await write('POST', '/api/sql', { sql: 'SELECT * FROM nowhere' })).status).toBe(400);
    const csv = new Uint8Array(await (await write('POST', '/api/sql', { sql: "SELECT '示例' AS name", format: 'csv' })).arrayBuffer());
    expect(Buffer.from(csv).toString('utf8')).toBe('\uFEFFname\r\n示例\r\n');
    const r = openReadOnly(db);
    expect((r.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n).toBe(2);
    r.close();
  });

  it('saves, lists and deletes queries with the token', async () => {
    const saved = (await (await write('POST', '/api/queries', { name: 'codes', sql: 'SELECT code FROM records' })).json()) as { id: number };
    const list = (await (await get('/api/queries')).json()) as { queries: Array<{ name: string }> };
    expect(list.queries.map((q) => q.name)).toEqual(['codes']);
    expect((await write('POST', '/api/queries', { name: '', sql: 'x' })).status).toBe(400);
    expect((await write('DELETE', `/api/queries/${saved.id}`, undefined)).status).toBe(200);
    expect((await write('DELETE', `/api/queries/${saved.id}`, undefined)).status).toBe(404);
  });
});

describe('ingest and safety', () => {
  const upload = (name: string, bytes: Uint8Array, token: string | null = server.token) =>
    fetch(`${server.url}/api/ingest?name=${encodeURIComponent(name)}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: bytes });

  it('ingests an uploaded report with the token; refuses without it, over the size limit, or with a path in its name', async () => {
    const bytes = new Uint8Array(readFileSync(join(samples, 'sample-budget-2025.pdf')));
    expect((await upload('budget.pdf', bytes, null)).status).toBe(401);
    for (const name of ['../evil.pdf', '..%2Fevil.pdf', 'a/b.pdf', '.hidden.pdf', 'x.exe']) expect((await upload(name, bytes)).status, name).toBe(400);
    expect((await upload('big.pdf', new Uint8Array(700_000))).status).toBe(413);
    const r = await upload('budget.pdf', bytes);
    expect(r.status).toBe(200);
    expect(((await r.json()) as { status: string; message: string }).message).toMatch(/^ok .*budget\.pdf: budget 2025/);
    const bad = await upload('broken.pdf', new TextEncoder().encode('not a pdf'));
    expect(bad.status).toBe(422);
  });

  it('prints its URL with the write token, and a warning only when exposed beyond this machine', async () => {
    expect(startLog).toContain(`write token: ${server.token}`);
    expect(startLog.some((l) => l.startsWith('WARNING'))).toBe(false);
    const lines: string[] = [];
    const exposed = await startServer({ db, host: '0.0.0.0', port: 0, log: (l) => lines.push(l) });
    await exposed.close();
    expect(lines.filter((l) => l.startsWith('WARNING'))).toEqual([expect.stringMatching(/^WARNING: serving on 0\.0\.0\.0, reachable from other machines/)]);
    expect(exposed.token).not.toBe(server.token);
  });

  it('answers only its own host names, and never serves files outside the app', async () => {
    // fetch does not let a page set Host; a rebinding attack arrives with its own name in it
    const status = await new Promise<number>((res, rej) => request(`${server.url}/api/health`, { headers: { host: 'evil.example' } }, (r) => res(r.statusCode ?? 0)).on('error', rej).end());
    expect(status).toBe(403);
    expect((await get('/api/health')).status).toBe(200);
    expect(await (await get('/')).text()).toContain('<div id="app">');
    for (const path of ['/..%2F..%2Fpackage.json', '/assets/..%2F..%2F..%2Fpackage.json', '/pdfjs/cmaps/..%2F..%2Fpackage.json', '/%2e%2e/%2e%2e/package.json']) {
      const r = await get(path);
      expect(await r.text(), path).not.toContain('"name"');
    }
    expect((await get('/pdfjs/cmaps/UniGB-UCS2-H.bcmap')).status).toBe(200);
    expect((await get('/fonts/cjk.otf')).headers.get('content-type')).toBe('font/otf');
    expect((await get('/api/nowhere')).status).toBe(404);
  });
});
