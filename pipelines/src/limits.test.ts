import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRegularFile } from './limits.ts';

const dir = mkdtempSync(join(tmpdir(), 'limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readRegularFile', () => {
  it('reads a regular file, and only sizes one over the limit', () => {
    const f = join(dir, 'a.txt');
    writeFileSync(f, 'hello');
    expect(readRegularFile(f, 100)).toEqual({ bytes: new Uint8Array(Buffer.from('hello')) });
    expect(readRegularFile(f, 3)).toEqual({ tooLarge: 5 });
  });

  it('refuses a FIFO without waiting for a writer, and devices and folders', () => {
    const fifo = join(dir, 'pipe.pdf');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(() => readRegularFile(fifo, 100)).toThrow(`${fifo}: not a regular file (a FIFO): refused`);
    expect(() => readRegularFile('/dev/zero', 100)).toThrow('/dev/zero: not a regular file (a character device): refused');
    expect(() => readRegularFile(dir, 100)).toThrow(`${dir}: not a regular file (a folder): refused`);
  });
});
