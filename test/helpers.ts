import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

export const root = join(import.meta.dirname, '..');
export const samples = join(root, 'samples');

let tempRoot: string | null = null;

/** A fresh folder under this test process's own temporary root (removed by removeTempRoot). */
export function tempDir(prefix = 'dir-'): string {
  tempRoot ??= mkdtempSync(join(tmpdir(), 'juesuan-test-'));
  return mkdtempSync(join(tempRoot, prefix));
}

export function removeTempRoot(): void {
  if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
  tempRoot = null;
}

export function tempDb(): string {
  return join(tempDir('db-'), 'test.sqlite');
}

/** Runs the real CLI as a user would, in a child process. */
export function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'packages/cli/bin/juesuan.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function readJsonl(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
