import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openReadOnly } from '@juesuan/loader';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, removeTempRoot, root, samples, tempDb, tempDir } from './helpers.ts';

const hostile = join(samples, 'hostile');

/** The CLI in a child process, with its peak resident memory (VmHWM, polled from /proc). */
function cliWithPeak(args: string[]): Promise<{ code: number; stdout: string; stderr: string; peakKb: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'packages/cli/bin/juesuan.js'), ...args], { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const poll = setInterval(() => {
      try {
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0));
      } catch {
        // the process has just ended
      }
    }, 50);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code: code ?? -1, stdout, stderr, peakKb });
    });
  });
}

const count = (db: string, sql: string, ...params: unknown[]) => {
  const conn = openReadOnly(db);
  try {
    return (conn.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    conn.close();
  }
};

describe('one hostile file stays small', () => {
  afterAll(removeTempRoot);

  it('stores a document whose page throws, with that page marked failed and a finding', () => {
    const db = tempDb();
    const r = cli(['ingest', join(hostile, 'throwing-page.pdf'), '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ok .*throwing-page\.pdf: .*51 records.*pages 2 FAILED/);
    const conn = openReadOnly(db);
    const pages = conn.prepare('SELECT number, error_code FROM pages ORDER BY number').all() as Array<{ number: number; error_code: string | null }>;
    expect(pages).toHaveLength(9);
    expect(pages.filter((p) => p.error_code !== null)).toEqual([{ number: 2, error_code: 'page_failed' }]);
    const finding = conn.prepare("SELECT severity, message_en FROM findings WHERE rule = 'extraction.page_failed'").get() as { severity: string; message_en: string };
    conn.close();
    expect(finding.severity).toBe('error');
    expect(finding.message_en).toMatch(/^page 2 could not be read \(page_failed\): .+; its tables are missing$/);
    expect(count(db, 'SELECT COUNT(*) n FROM records')).toBe(51);
  });

  it('stops a document over its time limit; it fails alone and the batch goes on', () => {
    const db = tempDb();
    const t0 = performance.now();
    const r = cli(['ingest', join(hostile, 'many-operators.pdf'), join(samples, 'sample-budget-2025.pdf'), '--db', db, '--timeout', '12', '--concurrency', '1']);
    const seconds = (performance.now() - t0) / 1000;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/FAILED .*many-operators\.pdf: extraction took longer than its limit of 12 s: stopped \[timeout\]/);
    expect(r.stderr).toMatch(/ok .*sample-budget-2025\.pdf: budget 2025 .* 21 records/);
    expect(r.stdout).toMatch(/ingested 1 documents .* 1 failed/);
    // the slow file alone takes far longer than this when not stopped
    expect(seconds).toBeLessThan(60);
    expect(count(db, "SELECT COUNT(*) n FROM runs WHERE status = 'failed' AND error_code = 'timeout'")).toBe(1);
  });

  it('reports a small PDF whose image decodes to gigabytes, and stays under 2 GiB', async () => {
    const db = tempDb();
    const r = await cliWithPeak(['ingest', join(hostile, 'huge-image.pdf'), '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ok .*huge-image\.pdf: .*\d+ warnings, left out: image_too_large/);
    expect(r.peakKb).toBeGreaterThan(0);
    expect(r.peakKb).toBeLessThan(2 * 2 ** 20);
    const conn = openReadOnly(db);
    const f = conn.prepare("SELECT severity, message_en FROM findings WHERE rule = 'extraction.image_too_large'").get() as { severity: string; message_en: string };
    conn.close();
    expect(f.severity).toBe('warning');
    expect(f.message_en).toMatch(/an image of 16384×98304 pixels \(6\.0 GiB in memory as RGBA\) is over the limit of \d+ pixels: left out/);
  });

  it('refuses a document over the page limit, with one line', () => {
    const r = cli(['ingest', join(samples, 'sample-final-2023.pdf'), '--db', tempDb(), '--max-pages', '3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/FAILED .*sample-final-2023\.pdf: 9 pages, over the limit of 3 \[too_many_pages\]/);
  });

  it('refuses a FIFO and a device at once, with one line each, and goes on', () => {
    const dir = tempDir('fifo-');
    const fifo = join(dir, 'report.pdf');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const db = tempDb();
    const t0 = performance.now();
    const r = cli(['ingest', fifo, '/dev/zero', join(samples, 'sample-budget-2025.pdf'), '--db', db]);
    expect((performance.now() - t0) / 1000).toBeLessThan(20);
    expect(r.code).toBe(1);
    const failed = r.stderr.split('\n').filter((l) => l.includes('FAILED'));
    expect(failed).toHaveLength(2);
    expect(failed.find((l) => l.includes(fifo))).toMatch(/FAILED .*report\.pdf: not a regular file \(a FIFO\): refused \[not_regular_file\]$/);
    expect(failed.find((l) => l.includes('/dev/zero'))).toMatch(/FAILED \/dev\/zero: not a regular file \(a character device\): refused \[not_regular_file\]$/);
    expect(r.stdout).toMatch(/ingested 1 documents/);
    const x = cli(['extract', fifo]);
    expect(x.code).toBe(2);
    expect(x.stderr.trim()).toBe(`juesuan: ${fifo}: not a regular file (a FIFO): refused`);
  });

  it('extract keeps the same time limit: a file that would hang the command is stopped with one line', () => {
    const x = cli(['extract', join(hostile, 'many-operators.pdf'), '--timeout', '5']);
    expect(x.code).toBe(2);
    expect(x.stdout).toBe('');
    expect(x.stderr.trim()).toMatch(/^juesuan: .*many-operators\.pdf: extraction took longer than its limit of 5 s: stopped$/);
  }, 60_000);
});
