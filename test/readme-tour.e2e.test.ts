import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJsonl, removeTempRoot, root, tempDir } from './helpers.ts';

afterAll(removeTempRoot);

/** The shell block of the README's tour, as printed. */
function tourScript(readme: string): string {
  const section = readme.slice(readme.indexOf('## A short tour'));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('the README has no tour block');
  return block[1]!;
}

/** The environment of a user's shell: no trace of the pnpm process that runs this test. */
function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|pnpm_|INIT_CWD$|PNPM_)/i.test(k)));
}

describe('the README tour', () => {
  // the clone has the committed state of the branch (HEAD), as a new user gets it
  it('runs literally in a fresh clone of the repository, on samples/', { timeout: 400_000 }, () => {
    const clone = join(tempDir('clone-'), 'juesuan');
    const git = spawnSync('git', ['clone', '-q', root, clone], { encoding: 'utf8' });
    expect(git.status, git.stderr).toBe(0);
    const readme = readFileSync(join(clone, 'README.md'), 'utf8');
    // the README says: `pnpm` stands for `npx -y pnpm@10.34.9`; dependencies come from the local store (no network)
    const script = `set -euo pipefail\npnpm() { npx -y pnpm@10.34.9 "$@"; }\npnpm install --offline --frozen-lockfile >/dev/null\n${tourScript(readme)}`;
    const run = spawnSync('bash', ['-c', script], { cwd: clone, encoding: 'utf8', env: userEnv(), timeout: 600_000 });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);

    // nothing of pnpm's banner in the output, and each step left what it says
    expect(run.stdout).not.toMatch(/^> /m);
    expect(run.stdout).toMatch(/ingested \d+ documents/);
    expect(run.stdout).toContain('document_codes\n');
    expect(run.stdout).toMatch(/total_yuan/);
    const records = readFileSync(join(clone, 'records.csv'), 'utf8');
    expect(records.startsWith('\ufefftable,page,side,code,label,measure,printed,unit,amount_fen,amount_yuan,')).toBe(true);
    expect(readFileSync(join(clone, 'documents.csv'), 'utf8').split('\n')[0]).toBe('\ufefffile,kind,fiscal_year,department');
    const final2023 = readJsonl(join(clone, 'final-2023.jsonl'));
    expect(final2023.length).toBeGreaterThan(0);
    expect(final2023.every((r) => r.kind === 'final' && r.fiscal_year === 2023)).toBe(true);
    expect(existsSync(join(clone, 'facts.csv'))).toBe(true);
    expect(run.stdout).toMatch(/reparsed \d+ documents: 0 changed/);
    expect(run.stdout).toMatch(/sample-final-2023\.pdf \([0-9a-f]{12}\) run \d+ → \d+: 0 added, 0 removed, 0 changed/);
    expect(run.stdout).toMatch(/pruned 1 superseded runs/);
    expect(run.stdout).toMatch(/^sample-final-2023\.pdf: \d+ pages, \d+ sections, [1-9]\d* tables/m);
    expect(existsSync(join(clone, 'data', 'juesuan.sqlite'))).toBe(true);
  });
});
