import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, openReadOnly } from '@juesuan/loader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, readJsonl, removeTempRoot, root, samples, tempDb, tempDir } from './helpers.ts';

afterAll(removeTempRoot);

const final2023 = join(samples, 'sample-final-2023.pdf');
let db = '';
let sha = '';

beforeAll(() => {
  db = tempDb();
  const r = cli(['ingest', final2023, join(samples, 'text'), '--db', db]);
  expect(r.code, r.stderr).toBe(0);
  const conn = openReadOnly(db);
  sha = (conn.prepare('SELECT document_sha256 AS s FROM latest_runs WHERE file = ?').get(final2023) as { s: string }).s;
  conn.close();
});

describe('query output', () => {
  it('writes CSV with a UTF-8 BOM by default, without one on --no-bom, and the header even for 0 rows', () => {
    const sql = "SELECT code, label, amount_fen, amount_yuan FROM records WHERE code = '2100101' AND measure = 'total' AND \"table\" = 'final.income'";
    expect(cli(['query', sql, '--db', db, '--format', 'csv']).stdout).toBe('\ufeffcode,label,amount_fen,amount_yuan\n2100101,行政运行,752290000,7522900.00\n');
    expect(cli(['query', sql, '--db', db, '--format', 'csv', '--no-bom']).stdout).toBe('code,label,amount_fen,amount_yuan\n2100101,行政运行,752290000,7522900.00\n');
    const none = "SELECT code, label FROM records WHERE 0";
    expect(cli(['query', none, '--db', db, '--format', 'csv', '--no-bom']).stdout).toBe('code,label\n');
    expect(cli(['query', none, '--db', db]).stdout).toMatch(/^code\s+label\s*\n-+\s+-+\s*\n\(no rows\)\n$/);
    expect(JSON.parse(cli(['query', none, '--db', db, '--format', 'json']).stdout)).toEqual([]);
  });

  it('writes to --out, stops at --limit, and streams JSON and JSON lines', () => {
    const out = join(tempDir('q-'), 'codes.json');
    const r = cli(['query', 'SELECT code, amount_fen FROM records ORDER BY file, table_idx, row, col', '--db', db, '--format', 'json', '--out', out, '--limit', '3']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(3);
    const lines = cli(['query', 'SELECT 1 AS a UNION ALL SELECT 2', '--db', db, '--format', 'jsonl']).stdout;
    expect(lines).toBe('{"a":1}\n{"a":2}\n');
  });

  it('answers `.tables` with the schema instead of a syntax error', () => {
    const r = cli(['query', '.tables', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^records\n {2}document_sha256\n/m);
  });
});

describe('export', () => {
  it('writes amounts as exact 元 strings beside 分', () => {
    const out = join(tempDir('e-'), 'r.jsonl');
    expect(cli(['export', '--db', db, '--out', out]).code).toBe(0);
    const records = readJsonl(out);
    expect(records.length).toBeGreaterThan(50);
    for (const r of records) {
      const fen = r.amount_fen as number;
      const sign = fen < 0 ? '-' : '';
      expect(r.amount_yuan).toBe(`${sign}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`);
    }
  });

  it('filters by document, year, department, region, table and kind', () => {
    const count = (...args: string[]) => {
      const r = cli(['export', '--db', db, '--format', 'jsonl', ...args]);
      expect(r.code, r.stderr).toBe(0);
      return readJsonlText(r.stdout);
    };
    const all = count();
    const byDoc = count('--document', sha.slice(0, 10));
    expect(byDoc.length).toBe(51);
    expect(new Set(byDoc.map((r) => r.file))).toEqual(new Set([final2023]));
    expect(count('--document', final2023)).toEqual(byDoc);
    expect(count('--year', '2023').every((r) => r.fiscal_year === 2023)).toBe(true);
    expect(count('--kind', 'budget').every((r) => r.kind === 'budget')).toBe(true);
    expect(count('--kind', 'budget').length).toBeGreaterThan(0);
    expect(count('--department', '卫生健康').every((r) => String(r.department).includes('卫生健康'))).toBe(true);
    expect(count('--region', '示例区').every((r) => String(r.region).includes('示例区'))).toBe(true);
    const income = count('--table', 'final.income');
    expect(income.length).toBeGreaterThan(0);
    expect(income.every((r) => r.table === 'final.income')).toBe(true);
    expect(income.length).toBeLessThan(all.length);
    expect(count('--year', '1999')).toEqual([]);
  });

  it('says what is wrong with a filter in one line', () => {
    const unknown = cli(['export', '--db', db, '--document', 'deadbeef00']);
    expect(unknown.stderr).toBe('juesuan: deadbeef00: no such document\n');
    expect(cli(['export', '--db', db, '--table', 'expenditure']).stderr).toMatch(/^juesuan: bad option: --table is a table id such as final\.expenditure/);
  });

  it('writes the CSV header for 0 rows', () => {
    const r = cli(['export', '--db', db, '--format', 'csv', '--year', '1999']);
    expect(r.stdout).toMatch(/^\ufefftable,page,side,code,label,measure,printed,unit,amount_fen,amount_yuan,.*\n$/);
  });

  it('ends with one line when --out cannot be written, and leaves no file', () => {
    const r = cli(['export', '--db', db, '--out', '/missing/dir/x.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('juesuan: /missing/dir/x.csv: cannot write (no such folder)\n');
    const dir = tempDir('out-');
    const ok = cli(['export', '--db', db, '--out', join(dir, 'x.csv'), '--format', 'csv']);
    expect(ok.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['x.csv']); // no partial file left beside it
  });

  it('ends with one line when its reader goes away (EPIPE), as in `export | head`', async () => {
    // enough rows to fill a pipe: copies of a text report with their own bytes
    const big = tempDb();
    const dir = tempDir('many-');
    const text = readFileSync(join(samples, 'text', 'sample-final-2022.txt'));
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, `r${i}.txt`), Buffer.concat([text, Buffer.from(`\n附注 ${i}\n`)]));
    expect(cli(['ingest', dir, '--db', big]).code).toBe(0);
    const main = join(root, 'packages/cli/bin/juesuan.js');
    const head = spawnSync('bash', ['-c', `"${process.execPath}" "${main}" export --db "${big}" --format csv | head -1`], { cwd: root, encoding: 'utf8' });
    expect(head.stdout).toMatch(/^\ufefftable,page,side/);
    expect(head.stderr).toBe('juesuan: standard output was closed by its reader (EPIPE): stopped early\n');
    // and when the reader is gone before the first row
    const child = spawn(process.execPath, [main, 'export', '--db', big], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number>((res) => child.on('exit', (c) => res(c ?? -1)));
    expect(err).toBe('juesuan: standard output was closed by its reader (EPIPE): stopped early\n');
    expect(code).toBe(0);
  });
});

function readJsonlText(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('runs', () => {
  it('diff takes an exact path or a sha256 prefix of 8+ characters, and says "no such document" otherwise', () => {
    const local = tempDb();
    expect(cli(['ingest', final2023, join(samples, 'scanned', 'sample-final-2023.pdf'), '--db', local, '--ocr', 'never', '--concurrency', '1']).code).toBeLessThanOrEqual(1);
    expect(cli(['ingest', final2023, '--db', local, '--force']).code).toBe(0);
    const byPath = cli(['diff', final2023, '--db', local]);
    expect(byPath.stdout).toMatch(/sample-final-2023\.pdf \([0-9a-f]{12}\) run 1 → 3: 0 added, 0 removed, 0 changed/);
    expect(cli(['diff', sha.slice(0, 8), '--db', local]).stdout).toMatch(/run 1 → 3/);
    expect(cli(['diff', '', '--db', local]).stderr).toBe('juesuan: "": no such document\n');
    expect(cli(['diff', sha.slice(0, 7), '--db', local]).stderr).toMatch(/no such document \(a sha256 prefix needs at least 8 characters\)/);
    // a name that is only part of a path is not a match
    expect(cli(['diff', 'sample-final-2023.pdf', '--db', local]).stderr).toMatch(/no such document/);
    expect(cli(['diff', final2023, '--from', '2', '--db', local]).stderr).toMatch(/run 2 is not a successful run of/);
  });

  it('prune drops superseded runs and, asked, their extraction cache entries', () => {
    const local = tempDb();
    const file = join(samples, 'text', 'sample-final-2022.txt');
    expect(cli(['ingest', file, '--db', local]).code).toBe(0);
    expect(cli(['ingest', file, '--db', local, '--force']).code).toBe(0);
    expect(cli(['ingest', file, '--db', local, '--force']).code).toBe(0);
    const before = cli(['query', 'SELECT COUNT(*) AS n FROM records', '--db', local, '--format', 'csv', '--no-bom']).stdout;
    // an extraction cached by an older extractor, which no kept run used
    const w = openDatabase(local);
    w.prepare("INSERT INTO extractions (sha256, extractor_version, json, created_at) SELECT sha256, '0.0.1', json, created_at FROM extractions").run();
    w.close();
    const r = cli(['prune', '--db', local, '--cache']);
    expect(r.stdout).toMatch(/^pruned 2 superseded runs, 1 cached extractions/);
    const conn = openReadOnly(local);
    expect(conn.prepare('SELECT id FROM runs').all()).toEqual([{ id: 3 }]);
    expect(conn.prepare('SELECT extractor_version AS v FROM extractions').all()).not.toContainEqual({ v: '0.0.1' });
    expect((conn.prepare('SELECT COUNT(*) AS n FROM line_items WHERE run_id <> 3').get() as { n: number }).n).toBe(0);
    conn.close();
    expect(cli(['query', 'SELECT COUNT(*) AS n FROM records', '--db', local, '--format', 'csv', '--no-bom']).stdout).toBe(before);
  });
});

describe('small things', () => {
  it('--version names the extractor and parser', () => {
    expect(cli(['--version']).stdout).toMatch(/^juesuan \d+\.\d+\.\d+ \(extractor \S+, parser \S+\)\n$/);
  });

  it('names options in kebab-case in errors', () => {
    const r = cli(['ingest', final2023, '--db', tempDb(), '--max-mb', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^juesuan: bad option: --max-mb /);
    expect(cli(['ingest', final2023, '--db', tempDb(), '--max-pages', '0']).stderr).toMatch(/--max-pages /);
  });

  it('reads paths from the folder the user stands in, also through `pnpm juesuan`', () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|pnpm_|INIT_CWD$)/i.test(k)));
    const r = spawnSync('npx', ['-y', 'pnpm@10.34.9', '--silent', 'juesuan', 'extract', 'sample-final-2023.pdf'], { cwd: samples, encoding: 'utf8', env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^sample-final-2023\.pdf: \d+ pages/m);
    expect(existsSync(join(samples, 'data'))).toBe(false);
  });
});
