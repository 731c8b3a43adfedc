import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openReadOnly } from '@juesuan/loader';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, removeTempRoot, root, samples, tempDb, tempDir } from './helpers.ts';

afterAll(removeTempRoot);

const report = readFileSync(join(samples, 'text', 'sample-final-2022.txt'));
/** A text report with its own bytes (a trailing line), so copies are not duplicates of each other. */
const reportCopy = (n: number) => Buffer.concat([report, Buffer.from(`\n附注 ${n}\n`)]);

function runsOf(db: string): Array<{ file: string; status: string; error_code: string | null }> {
  const conn = openReadOnly(db);
  try {
    return conn.prepare('SELECT file, status, error_code FROM runs ORDER BY id').all() as Array<{ file: string; status: string; error_code: string | null }>;
  } finally {
    conn.close();
  }
}

/** The CLI as an unprivileged user: root reads any folder, so a locked one needs someone else. */
function cliAsNobody(args: string[]): { code: number; stdout: string; stderr: string } {
  const main = join(root, 'packages/cli/bin/juesuan.js');
  const command = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
  const r = spawnSync(command[0]!, [...command.slice(1), main, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, HOME: '/tmp' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('inputs as they come', () => {
  it('reads a GBK-encoded file name (a zip from a Chinese Windows) and shows it readably', () => {
    const db = tempDb();
    const dir = tempDir('gbk-');
    const gbkName = Buffer.concat([Buffer.from(`${dir}/`), Buffer.from('bef6cbe3b1a8b8e6', 'hex'), Buffer.from('.txt')]); // 决算报告.txt in GBK
    writeFileSync(gbkName, report);
    const r = cli(['ingest', dir, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/ok .*决算报告\.txt: final 2022/);
    expect(runsOf(db)).toEqual([{ file: `${dir}/决算报告.txt`, status: 'ok', error_code: null }]);
  });

  it('goes on past a locked sub-folder and an unreadable file: a line and a failed run each', () => {
    const base = tempDir('locked-');
    // the unprivileged user must reach the test folders and write the database
    for (let d = base; d !== dirname(d) && d.includes('juesuan-test-'); d = dirname(d)) chmodSync(d, 0o777);
    const dir = join(base, 'reports');
    mkdirSync(join(dir, 'locked'), { recursive: true });
    writeFileSync(join(dir, 'a-good.txt'), reportCopy(1));
    writeFileSync(join(dir, 'b-unreadable.txt'), reportCopy(2));
    writeFileSync(join(dir, 'locked', 'inside.txt'), reportCopy(3));
    chmodSync(join(dir, 'locked'), 0o000);
    chmodSync(join(dir, 'b-unreadable.txt'), 0o000);
    const db = join(base, 'db', 'j.sqlite');
    mkdirSync(dirname(db), { mode: 0o777 });
    chmodSync(dirname(db), 0o777);
    const r = cliAsNobody(['ingest', dir, '--db', db]);
    chmodSync(join(dir, 'locked'), 0o755);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/FAILED .*reports\/locked: cannot read folder \(EACCES\) \[unreadable\]/);
    expect(r.stderr).toMatch(/FAILED .*b-unreadable\.txt: cannot read \(.*EACCES.*\) \[unreadable\]/);
    expect(r.stderr).toMatch(/ok .*a-good\.txt: final 2022/);
    expect(r.stdout).toMatch(/ingested 1 documents .* 2 failed/);
    const runs = runsOf(db);
    expect(runs.filter((x) => x.status === 'failed').map((x) => [x.file.slice(dir.length), x.error_code]).sort()).toEqual([
      ['/b-unreadable.txt', 'unreadable'],
      ['/locked', 'unreadable'],
    ]);
  });

  it('follows symbolic links, walks a looping folder once, and names a link that leads nowhere', () => {
    const db = tempDb();
    const base = tempDir('links-');
    mkdirSync(join(base, 'real'));
    mkdirSync(join(base, 'links'));
    writeFileSync(join(base, 'real', 'report.txt'), reportCopy(4));
    symlinkSync(join(base, 'real', 'report.txt'), join(base, 'links', 'linked-report.txt'));
    symlinkSync(base, join(base, 'links', 'loop'));
    const good = cli(['ingest', join(base, 'links'), '--db', db]);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stderr).toMatch(/ok .*links\/linked-report\.txt: final 2022/);
    expect(good.stderr).toMatch(/note .*links\/loop\/links: folder reached again through a symbolic link/);
    // the report reached again through the loop is the same bytes: skipped, not loaded twice
    expect(good.stderr).toMatch(/skipped .*loop\/real\/report\.txt: same bytes as/);
    expect(runsOf(db).filter((x) => x.status === 'ok')).toHaveLength(1);
    symlinkSync(join(base, 'nowhere.txt'), join(base, 'links', 'dangling.txt'));
    const bad = cli(['ingest', join(base, 'links'), '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/FAILED .*links\/dangling\.txt: symbolic link leads nowhere \(ENOENT\) \[broken_link\]/);
    expect(runsOf(db).filter((x) => x.error_code === 'broken_link')).toHaveLength(1);
  });

  it('says so when a folder holds no report or a pattern matches nothing', () => {
    const db = tempDb();
    const empty = tempDir('empty-');
    writeFileSync(join(empty, 'notes.docx'), 'not a report');
    const r = cli(['ingest', empty, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty .*empty-\w+: no reports in this folder/);
    expect(r.stderr).toMatch(/nothing to ingest/);
    const g = cli(['ingest', join(empty, '*.pdf'), '--db', db]);
    expect(g.code).toBe(1);
    expect(g.stderr).toMatch(/FAILED .*\*\.pdf: no file matches this pattern \[no_match\]/);
  });

  it('skips duplicates within and across batches: a re-run is a no-op with exit 0', () => {
    const db = tempDb();
    const dir = tempDir('dups-');
    writeFileSync(join(dir, 'a.txt'), report);
    writeFileSync(join(dir, 'b-copy.txt'), report);
    const first = cli(['ingest', dir, '--db', db]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/skipped .*b-copy\.txt: same bytes as .*a\.txt in this batch/);
    const again = cli(['ingest', dir, '--db', db]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/ingested 0 documents .* 2 skipped, 0 failed/);
    expect(runsOf(db)).toEqual([{ file: join(dir, 'a.txt'), status: 'ok', error_code: null }]);
  });

  it('loads the same bytes once when two ingests run at the same time', async () => {
    const db = tempDb();
    const file = join(tempDir('same-'), 'report.pdf');
    copyFileSync(join(samples, 'sample-final-2023.pdf'), file);
    cli(['schema', '--db', db]); // nothing written: the database is created by the ingests themselves
    const main = join(root, 'packages/cli/bin/juesuan.js');
    const run = () =>
      new Promise<{ code: number; err: string }>((res) => {
        const child = spawn(process.execPath, [main, 'ingest', file, '--db', db], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('exit', (code) => res({ code: code ?? -1, err }));
      });
    const [a, b] = await Promise.all([run(), run()]);
    // what either process said, should one fail (a rare failure under a loaded CI showed only its exit code)
    expect([a.code, b.code], `${a.err}${b.err}`).toEqual([0, 0]);
    const runs = runsOf(db);
    expect(runs.filter((x) => x.status === 'ok')).toHaveLength(1);
    expect(runs.filter((x) => x.status === 'failed')).toHaveLength(0);
    expect(`${a.err}${b.err}`).toMatch(/skipped .*report\.pdf: already ingested/);
  });

  it('bounds HTML character references and spans: a reference out of range or a huge colspan is not an internal error', () => {
    const db = tempDb();
    const dir = tempDir('html-');
    const html = readFileSync(join(samples, 'text', 'sample-three-public-2022.html'), 'utf8')
      .replace('<table', '<p>坏字符 &#x110000; &#99999999999; &#0;</p><table><tr><td colspan="20000000" rowspan="900000">总表</td><td>1.00</td></tr></table><table');
    writeFileSync(join(dir, 'odd.html'), html);
    const t0 = performance.now();
    const r = cli(['ingest', dir, '--db', db]);
    expect(performance.now() - t0).toBeLessThan(60_000);
    expect(r.stderr).not.toMatch(/\[internal\]/);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/ok .*odd\.html: final 2022/);
  });

  it('gives a document without any table a warning finding', () => {
    const db = tempDb();
    const file = join(tempDir('no-table-'), 'words-only.txt');
    writeFileSync(file, '示例区财政局2024年度部门决算\n第一部分 部门概况\n一、主要职能\n本部门负责全区财政工作。\n');
    const r = cli(['ingest', file, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/ok .*words-only\.txt: .*0 tables .*1 warnings/);
    const conn = openReadOnly(db);
    const findings = conn.prepare('SELECT rule, severity FROM findings').all();
    conn.close();
    expect(findings).toEqual([{ rule: 'document.no_tables', severity: 'warning' }]);
  });

  it('refuses PDFs over --max-pages and names sizes in MiB', () => {
    const db = tempDb();
    const r = cli(['ingest', join(samples, 'sample-final-2023.pdf'), '--db', db, '--max-pages', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/FAILED .*sample-final-2023\.pdf: \d+ pages, over the limit of 2 \[too_many_pages\]/);
    const big = cli(['ingest', join(samples, 'sample-final-2023.pdf'), '--db', db, '--max-mb', '0.01']);
    expect(big.stderr).toMatch(/\d+\.\d\d MiB, over the limit of 0\.01 MiB \(--max-mb\) \[too_large\]/);
  });
});

describe('a second Ctrl-C', () => {
  it('stops at once after saying what it does, with nothing half-written', async () => {
    const db = tempDb();
    const dir = tempDir('twice-');
    // the first document is quick; the ones after it are scans, in flight for seconds, so the second
    // Ctrl-C lands while one is (a quick one could end, and the run with it, before the signal)
    const text = readFileSync(join(samples, 'sample-final-2023.pdf'));
    const scan = readFileSync(join(samples, 'scanned/sample-budget-2025.pdf'));
    for (let i = 0; i < 6; i++) writeFileSync(join(dir, `copy-${i}.pdf`), Buffer.concat([i === 0 ? text : scan, Buffer.from(`\n%copy ${i}\n`)]));
    const child = spawn(process.execPath, [join(root, 'packages/cli/bin/juesuan.js'), 'ingest', dir, '--db', db, '--concurrency', '1'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let sent = 0;
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (sent === 0 && /\[1\/6\] ok/.test(err)) {
        sent = 1;
        child.kill('SIGINT');
      } else if (sent === 1 && /Ctrl-C again/.test(err)) {
        sent = 2;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number>((res) => child.on('exit', (c) => res(c ?? -1)));
    expect(err).toMatch(/finishing the documents in flight, nothing half-written \(Ctrl-C again to stop at once and drop them\)/);
    expect(err).toMatch(/stopped: the documents in flight were not loaded/);
    expect(code).toBe(130);
    const conn = openReadOnly(db);
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    const loaded = conn.prepare("SELECT id FROM runs WHERE status = 'ok'").all() as Array<{ id: number }>;
    expect(loaded).toHaveLength(1);
    for (const r of loaded) {
      expect((conn.prepare('SELECT COUNT(*) n FROM line_items WHERE run_id = ?').get(r.id) as { n: number }).n).toBe(51);
    }
    conn.close();
  });
});
