import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateFolder } from '../scripts/eval.ts';
import { removeTempRoot, root, samples, tempDir } from './helpers.ts';

afterAll(removeTempRoot);

describe('corpus-variants typeset again from the extraction', () => {
  it('makes final rows alone on a page and amounts touching across rules, and both read back in full', async () => {
    const input = tempDir('variants-in-');
    for (const f of ['sample-final-2023.pdf', 'sample-final-2023.expected.jsonl']) copyFileSync(join(samples, f), join(input, f));
    const out = tempDir('variants-out-');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/corpus-variants.ts'), input, out], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, VARIANTS: 'final-row-alone,touching' },
    });
    expect(r.stderr).toBe('');
    // the variants were really made: rows moved to pages of their own, pairs printed touching
    const moved = Number(/final-row-alone-sample-final-2023\.pdf: \d+ pages, \d+ tables, (\d+) final rows alone/.exec(r.stdout)?.[1]);
    const touching = Number(/touching-sample-final-2023\.pdf: .* (\d+) touching pairs/.exec(r.stdout)?.[1]);
    expect(moved).toBeGreaterThan(0);
    expect(touching).toBeGreaterThan(10);
    expect(readdirSync(out).sort()).toEqual([
      'final-row-alone-sample-final-2023.expected.jsonl',
      'final-row-alone-sample-final-2023.pdf',
      'touching-sample-final-2023.expected.jsonl',
      'touching-sample-final-2023.pdf',
    ]);
    const results = await evaluateFolder(out);
    for (const e of results) {
      expect(e.kindsMissing, e.file).toEqual([]);
      expect([e.file, e.recall, e.precision]).toEqual([e.file, 1, 1]);
    }
  }, 120_000);
});
