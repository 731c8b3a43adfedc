import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_SRC } from './build-client.ts';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// the browser app has its own tsconfig (DOM, Preact JSX), outside the workspace's type check
describe('the browser app', () => {
  it('type-checks under strict TypeScript', () => {
    const r = spawnSync(process.execPath, [tsc, '-p', join(CLIENT_SRC, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
