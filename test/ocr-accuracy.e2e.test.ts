import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, removeTempRoot, root, samples, tempDb, tempDir } from './helpers.ts';

afterAll(removeTempRoot);

describe('ocr-accuracy', () => {
  it('says a file that fails in one line, measures the next still, and exits 1', () => {
    const dir = tempDir('ocr-accuracy-');
    const [scans, texts] = [join(dir, 'scans'), join(dir, 'texts')];
    for (const d of [scans, texts]) {
      mkdirSync(d);
      // sorted first: the run must go on past it
      writeFileSync(join(d, 'broken.pdf'), '%PDF-1.4 not a PDF at all');
    }
    copyFileSync(join(samples, 'scanned', 'sample-budget-2025.pdf'), join(scans, 'sample-budget-2025.pdf'));
    copyFileSync(join(samples, 'sample-budget-2025.pdf'), join(texts, 'sample-budget-2025.pdf'));
    const r = spawnSync(process.execPath, [join(root, 'scripts/run-bundled.js'), join(root, 'scripts/ocr-accuracy.ts'), scans, texts], { cwd: root, encoding: 'utf8' });
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('broken.pdf'))).toEqual([expect.stringMatching(/^broken\.pdf: failed: \S.*$/)]);
    expect(lines.find((l) => l.startsWith('sample-budget-2025.pdf:'))).toMatch(/tables same; amounts (\d+)\/\1 equal/);
    expect(lines.find((l) => l.startsWith('sample-budget-2025.pdf:'))).toMatch(/, narrative figures \d+\/\d+ equal$/);
    expect(lines.find((l) => l.startsWith('overall:'))).toMatch(/, 1 failed: broken\.pdf$/);
    expect(r.status).toBe(1);
  }, 120_000);

  it('measures the readings a database holds with --extractions, recognising nothing again', () => {
    const dir = tempDir('ocr-accuracy-db-');
    const [scans, texts] = [join(dir, 'scans'), join(dir, 'texts')];
    for (const d of [scans, texts]) mkdirSync(d);
    copyFileSync(join(samples, 'scanned', 'sample-budget-2025.pdf'), join(scans, 'sample-budget-2025.pdf'));
    copyFileSync(join(samples, 'sample-budget-2025.pdf'), join(texts, 'sample-budget-2025.pdf'));
    const db = tempDb();
    expect(cli(['ingest', join(scans, 'sample-budget-2025.pdf'), '--db', db]).code).toBe(0);
    const r = spawnSync(process.execPath, [join(root, 'scripts/run-bundled.js'), join(root, 'scripts/ocr-accuracy.ts'), scans, texts, '--extractions', db], { cwd: root, encoding: 'utf8' });
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('sample-budget-2025.pdf:'))).toMatch(/4\/4 pages by OCR taken from the database; tables same; amounts (\d+)\/\1 equal/);
    expect(lines.find((l) => l.startsWith('overall:'))).toMatch(/, 0 recognisers started,/);
    expect(r.status).toBe(0);
  }, 120_000);
});
