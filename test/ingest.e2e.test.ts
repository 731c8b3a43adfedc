import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openReadOnly } from '@juesuan/loader';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, readJsonl, removeTempRoot, samples, tempDb, tempDir } from './helpers.ts';

const KEY_FIELDS = ['table', 'page', 'side', 'code', 'label', 'measure', 'printed', 'unit', 'amount_fen'] as const;
const keyOf = (r: Record<string, unknown>) => KEY_FIELDS.map((f) => JSON.stringify(r[f] ?? null)).join('|');

function expectedRecords(): string[] {
  return [samples, join(samples, 'text')]
    .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.expected.jsonl')).map((f) => join(dir, f)))
    .flatMap((f) => readJsonl(f).map(keyOf))
    .sort();
}

describe('juesuan ingest → export', () => {
  it('gives exactly the expected records of the samples', () => {
    const db = tempDb();
    const ingest = cli(['ingest', join(samples, 'sample-*.pdf'), join(samples, 'text'), join(samples, 'bad'), '--db', db]);
    // samples/bad holds the broken files: the batch goes on past them and says so in its exit code
    expect(ingest.code).toBe(1);
    expect(ingest.stdout).toMatch(/ingested 6 documents .* 4 failed/);
    const out = join(tempDir('export-'), 'records.jsonl');
    const exp = cli(['export', '--db', db, '--format', 'jsonl', '--out', out]);
    expect(exp.code).toBe(0);
    const records = readJsonl(out);
    expect(records.map(keyOf).sort()).toEqual(expectedRecords());
    const first = records[0]!;
    // the record's fields, the amount in 元 beside 分, then where it comes from
    expect(Object.keys(first)).toEqual(['table', 'page', 'side', 'code', 'label', 'measure', 'printed', 'unit', 'amount_fen', 'amount_yuan', 'document_sha256', 'file', 'kind', 'fiscal_year', 'region', 'region_code', 'department', 'scope', 'run']);
    expect(records.filter((r) => r.table === 'final.gpb_basic').every((r) => r.panel === 'personnel' || r.panel === 'public')).toBe(true);
    expect(records.every((r) => Number.isInteger(r.amount_fen))).toBe(true);
    const csv = cli(['export', '--db', db, '--format', 'csv', '--no-bom']);
    expect(csv.stdout.split('\n')[0]).toBe('table,page,side,code,label,measure,printed,unit,amount_fen,amount_yuan,group,class_code,parent,panel,code_printed,corrected,level,category,special_item,econ_item,method,document_sha256,file,kind,fiscal_year,region,region_code,department,scope,run');
    expect(csv.stdout.trim().split('\n')).toHaveLength(records.length + 1);

    // the narratives' figures: (类)(款)(项) items with their codes, 绩效 scores with their values
    const facts = cli(['export', '--db', db, '--what', 'facts']);
    expect(facts.code).toBe(0);
    const rows = facts.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const items = rows.filter((r) => r.name === 'item_amount').map((r) => [r.code, r.amount_fen, r.percent]);
    expect(items).toContainEqual(['2101501', 752_290_000, 96.92]);
    expect(rows.find((r) => r.name === 'performance.department_score')).toMatchObject({ value: 92, department: '示例县民政局', kind: 'performance' });
    expect(rows.filter((r) => r.name === 'project.score').map((r) => [r.label, r.value])).toContainEqual(['困难群众救助补助', 96]);
  });

  it('is idempotent: the same bytes again are skipped, unless --force', () => {
    const db = tempDb();
    const file = join(samples, 'sample-budget-2025.pdf');
    expect(cli(['ingest', file, '--db', db]).code).toBe(0);
    const again = cli(['ingest', file, '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stderr + again.stdout).toMatch(/already ingested/);
    const conn = openReadOnly(db);
    expect((conn.prepare('SELECT COUNT(*) n FROM runs').get() as { n: number }).n).toBe(1);
    expect((conn.prepare('SELECT COUNT(*) n FROM records').get() as { n: number }).n).toBe(21);
    conn.close();
    expect(cli(['ingest', file, '--db', db, '--force']).code).toBe(0);
    const conn2 = openReadOnly(db);
    expect((conn2.prepare('SELECT COUNT(*) n FROM runs').get() as { n: number }).n).toBe(2);
    // queries see the latest run only: still no duplicates
    expect((conn2.prepare('SELECT COUNT(*) n FROM records').get() as { n: number }).n).toBe(21);
    conn2.close();
  });

  it('reports each bad input on one line, records a failed run, and keeps the database intact', () => {
    const db = tempDb();
    const dir = tempDir('bad-');
    copyFileSync(join(samples, 'bad', 'not-a-pdf.pdf'), join(dir, 'a-not-a-pdf.pdf'));
    copyFileSync(join(samples, 'bad', 'truncated.pdf'), join(dir, 'b-truncated.pdf'));
    copyFileSync(join(samples, 'sample-budget-2025.pdf'), join(dir, 'c-good.pdf'));
    copyFileSync(join(samples, 'sample-budget-2025.pdf'), join(dir, 'd-duplicate.pdf'));
    copyFileSync(join(samples, 'bad', 'encrypted.pdf'), join(dir, 'e-encrypted.pdf'));
    copyFileSync(join(samples, 'bad', 'zero-pages.pdf'), join(dir, 'f-zero-pages.pdf'));
    copyFileSync(join(samples, 'sample-final-2023.pdf'), join(dir, 'g-large.pdf'));
    const r = cli(['ingest', dir, join(dir, 'missing.pdf'), '--db', db, '--concurrency', '1', '--max-mb', '0.07']);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines.find((l) => l.includes('a-not-a-pdf.pdf'))).toMatch(/FAILED .*a-not-a-pdf\.pdf: not a PDF/);
    expect(lines.find((l) => l.includes('b-truncated.pdf'))).toMatch(/FAILED .*b-truncated\.pdf: /);
    expect(lines.find((l) => l.includes('missing.pdf'))).toMatch(/FAILED .*missing\.pdf: no such file/);
    expect(lines.find((l) => l.includes('c-good.pdf'))).toMatch(/ok .*c-good\.pdf: budget 2025/);
    expect(lines.find((l) => l.includes('d-duplicate.pdf'))).toMatch(/skipped .*d-duplicate\.pdf: same bytes as .*c-good\.pdf in this batch/);
    expect(lines.find((l) => l.includes('e-encrypted.pdf'))).toMatch(/FAILED .*e-encrypted\.pdf: encrypted PDF/);
    expect(lines.find((l) => l.includes('f-zero-pages.pdf'))).toMatch(/FAILED .*f-zero-pages\.pdf: the PDF has zero pages/);
    expect(lines.find((l) => l.includes('g-large.pdf'))).toMatch(/FAILED .*g-large\.pdf: 0\.\d\d MiB, over the limit of 0\.07 MiB \(--max-mb\)/);
    const conn = openReadOnly(db);
    const runs = conn.prepare('SELECT status, error_code FROM runs ORDER BY id').all() as Array<{ status: string; error_code: string | null }>;
    expect(runs.filter((x) => x.status === 'failed').map((x) => x.error_code).sort()).toEqual(['corrupt', 'encrypted', 'no_pages', 'not_pdf', 'too_large']);
    // nothing half-written: failed runs have no rows anywhere
    expect((conn.prepare("SELECT COUNT(*) n FROM line_items li JOIN runs r ON r.id = li.run_id WHERE r.status = 'failed'").get() as { n: number }).n).toBe(0);
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    conn.close();
  });

  it('re-parses from the extraction cache, records no run when nothing changed, and diff shows no change between two runs', () => {
    const db = tempDb();
    expect(cli(['ingest', join(samples, 'sample-final-2023.pdf'), '--db', db]).code).toBe(0);
    const re = cli(['reparse', '--db', db]);
    expect(re.code).toBe(0);
    expect(re.stdout).toMatch(/unchanged .*sample-final-2023\.pdf: run 1 kept/);
    expect(re.stdout).toMatch(/reparsed 1 documents: 0 changed/);
    expect(cli(['diff', 'samples/sample-final-2023.pdf', '--db', db]).stderr).toMatch(/fewer than two successful runs/);
    expect(cli(['ingest', join(samples, 'sample-final-2023.pdf'), '--db', db, '--force']).code).toBe(0);
    const diff = cli(['diff', 'samples/sample-final-2023.pdf', '--db', db]);
    expect(diff.stdout).toMatch(/run 1 → 2: 0 added, 0 removed, 0 changed/);
  });

  it('answers read-only queries, and refuses writes', () => {
    const db = tempDb();
    cli(['ingest', join(samples, 'sample-final-2023.pdf'), '--db', db]);
    const q = cli(['query', "SELECT code, total_fen FROM document_codes WHERE code = '2100101' AND \"table\" = 'final.income'", '--db', db, '--format', 'json']);
    expect(JSON.parse(q.stdout)).toEqual([{ code: '2100101', total_fen: 752290000 }]);
    const w = cli(['query', 'DELETE FROM runs', '--db', db]);
    expect(w.code).not.toBe(0);
    expect(w.stderr).toMatch(/readonly|read-only/i);
  });
});

describe('the database under use', () => {
  it('lets a reader query while an ingest is writing', async () => {
    const db = tempDb();
    expect(cli(['ingest', join(samples, 'sample-budget-2025.pdf'), '--db', db]).code).toBe(0);
    const { spawn } = await import('node:child_process');
    const { root } = await import('./helpers.ts');
    const writer = spawn(process.execPath, [join(root, 'packages/cli/bin/juesuan.js'), 'ingest', join(samples, 'sample-final-2023.pdf'), '--db', db, '--force'], { cwd: root, stdio: 'ignore' });
    const reader = openReadOnly(db);
    let reads = 0;
    const done = new Promise<number>((res) => writer.on('exit', (code) => res(code ?? -1)));
    let finished = false;
    void done.then(() => (finished = true));
    while (!finished) {
      const n = (reader.prepare('SELECT COUNT(*) n FROM records').get() as { n: number }).n;
      expect([21, 72]).toContain(n); // before the write commits, or after: never in between
      reads++;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await done).toBe(0);
    expect((reader.prepare('SELECT COUNT(*) n FROM records').get() as { n: number }).n).toBe(72);
    expect(reads).toBeGreaterThan(1);
    reader.close();
  });

  it('shows what a parser change altered: a new run and a diff of the records', async () => {
    const db = tempDb();
    expect(cli(['ingest', join(samples, 'sample-final-2023.pdf'), '--db', db]).code).toBe(0);
    // make run 1 look like an older parser's output: one amount read wrongly, one record missing
    const { openDatabase } = await import('@juesuan/loader');
    const w = openDatabase(db);
    w.prepare("UPDATE line_items SET amount_fen = amount_fen + 1000000, printed = '753.29' WHERE run_id = 1 AND code = '2100101' AND measure = 'total'").run();
    w.prepare("DELETE FROM line_items WHERE run_id = 1 AND code = '221' AND measure = 'fiscal'").run();
    w.close();
    const re = cli(['reparse', '--db', db]);
    expect(re.stdout).toMatch(/run 1 → 2, 2 records changed/);
    const diff = cli(['diff', join(samples, 'sample-final-2023.pdf'), '--db', db]);
    expect(diff.stdout).toMatch(/run 1 → 2: 1 added, 0 removed, 1 changed/);
    expect(diff.stdout).toMatch(/~ final\.income\|1\|\|\|2100101\|行政运行\|total\|5 753\.29=753290000 → 752\.29=752290000/);
    expect(cli(['query', 'SELECT COUNT(*) AS n FROM records', '--db', db, '--format', 'csv', '--no-bom']).stdout).toBe('n\n51\n');
  });
});

describe('interrupting an ingest', () => {
  it('stops on Ctrl-C with the database consistent and a non-zero exit code', async () => {
    const db = tempDb();
    const { spawn } = await import('node:child_process');
    const { root } = await import('./helpers.ts');
    const dir = tempDir('int-');
    // distinct bytes per copy, so none is skipped as a duplicate
    const { readFileSync, writeFileSync } = await import('node:fs');
    const bytes = readFileSync(join(samples, 'sample-final-2023.pdf'));
    for (let i = 0; i < 6; i++) writeFileSync(join(dir, `copy-${i}.pdf`), Buffer.concat([bytes, Buffer.from(`\n%copy ${i}\n`)]));
    const child = spawn(process.execPath, [join(root, 'packages/cli/bin/juesuan.js'), 'ingest', dir, '--db', db, '--concurrency', '1'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (/\[1\/6\] ok/.test(err)) child.kill('SIGINT');
    });
    const code = await new Promise<number>((res) => child.on('exit', (c) => res(c ?? -1)));
    expect(code).not.toBe(0);
    expect(err).toMatch(/interrupted/);
    const conn = openReadOnly(db);
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    const runs = conn.prepare("SELECT id FROM runs WHERE status = 'ok'").all() as Array<{ id: number }>;
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs.length).toBeLessThan(6);
    // every finished run is whole: 51 records each
    for (const r of runs) expect((conn.prepare('SELECT COUNT(*) n FROM line_items WHERE run_id = ?').get(r.id) as { n: number }).n).toBe(51);
    conn.close();
  });
});

afterAll(() => removeTempRoot());
