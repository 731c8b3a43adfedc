import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '@juesuan/extractor';
import { ROOT, freshBundle, writeBundle } from './bundle-cache.js';

const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'juesuan-bundle-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the command bundle cache', () => {
  it('serves the bundle while its inputs are unchanged, and not once one changes', () => {
    const dir = scratch();
    const input = join(dir, 'main.ts');
    writeFileSync(input, 'export const a = 1;');
    const written = writeBundle(join(dir, 'cache'), 'cli', 'console.log(1);', [input]);
    expect(written).not.toBeNull();
    expect(freshBundle(join(dir, 'cache'), 'cli')).toBe(written);
    expect(readFileSync(written!, 'utf8')).toBe('console.log(1);');
    writeFileSync(input, 'export const a = 12;');
    expect(freshBundle(join(dir, 'cache'), 'cli')).toBeNull();
  });

  it('is stale when an input is gone, and absent when nothing was written', () => {
    const dir = scratch();
    const input = join(dir, 'gone.ts');
    writeFileSync(input, 'x');
    writeBundle(join(dir, 'cache'), 'cli', '', [input]);
    rmSync(input);
    expect(freshBundle(join(dir, 'cache'), 'cli')).toBeNull();
    expect(freshBundle(join(dir, 'none'), 'cli')).toBeNull();
  });

  it('reports a folder it cannot write as null, so the command runs from memory instead', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'file'), '');
    expect(writeBundle(join(dir, 'file', 'cache'), 'cli', 'x', [])).toBeNull();
  });

  it('runs a script bundled, with no tsx in its process (tsx turns source maps on), and its own arguments', () => {
    const dir = scratch();
    const script = join(dir, 'probe.ts');
    const version = join(ROOT, 'packages/extractor/src/version.ts');
    writeFileSync(script, `import { EXTRACTOR_VERSION } from ${JSON.stringify(version)};\nconst v: string = EXTRACTOR_VERSION;\nprocess.stdout.write(JSON.stringify({ v, maps: process.sourceMapsEnabled, args: process.argv.slice(2) }));\n`);
    const run = (...node: string[]) => JSON.parse(spawnSync(process.execPath, [...node, script, 'a', 'b'], { cwd: ROOT, encoding: 'utf8' }).stdout) as unknown;
    expect(run(join(ROOT, 'scripts/run-bundled.js'))).toEqual({ v: EXTRACTOR_VERSION, maps: false, args: ['a', 'b'] });
    // the same script under tsx: what the runner spares
    expect(run('--import', 'tsx')).toEqual({ v: EXTRACTOR_VERSION, maps: true, args: ['a', 'b'] });
  });
});
