import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MMAP_THRESHOLD_BYTES, wantsRelaunch } from './malloc-relaunch.js';

const dir = mkdtempSync(join(tmpdir(), 'juesuan-relaunch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// a command that says where it runs, counts its Ctrl-Cs (the second exits 7) and lives as long as asked
const probe = join(dir, 'probe.mjs');
const body = `
let n = 0;
process.on('SIGINT', () => { n += 1; process.stdout.write('SIGINT ' + n + '\\n'); if (n === 2) process.exit(7); });
process.stdout.write(JSON.stringify({ pid: process.pid, ppid: process.ppid, setting: process.env.MALLOC_MMAP_THRESHOLD_ ?? null, args: process.argv.slice(2) }) + '\\n');
if (process.argv[2] === 'exit3') process.exit(3);
setTimeout(() => {}, 20000);`;
writeFileSync(
  probe,
  `import { runWithMallocSetting } from ${JSON.stringify(pathToFileURL(join(import.meta.dirname, 'malloc-relaunch.js')).href)};\n` +
    `await runWithMallocSetting(() => 'data:text/javascript,' + encodeURIComponent(${JSON.stringify(body)}), process.env.WANT === '1');\n`,
);

type Info = { pid: number; ppid: number; setting: string | null; args: string[] };
function start(args: string[], want = true) {
  const { MALLOC_MMAP_THRESHOLD_: _ignored, ...env } = process.env;
  const proc = spawn(process.execPath, [probe, ...args], { env: { ...env, WANT: want ? '1' : '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const said = (re: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const t = setInterval(() => {
        const m = re.exec(out);
        if (m) resolve(m[0]);
        if (m || proc.exitCode !== null || proc.signalCode !== null) clearInterval(t);
        if (!m && (proc.exitCode !== null || proc.signalCode !== null)) reject(new Error(`ended without ${re}: ${out}`));
      }, 20);
    });
  const info = async () => JSON.parse(await said(/\{.*\}/)) as Info;
  const ended = new Promise<{ code: number | null; signal: string | null }>((r) => proc.once('exit', (code, signal) => r({ code, signal })));
  return { proc, said, info, ended };
}

// a process is gone once it is not in /proc, or a zombie waiting for its reaper
const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

describe.skipIf(process.platform !== 'linux')('a command started again with glibc’s setting for freed buffers', () => {
  it('runs in a child with the setting and the same arguments, and exits with its code', async () => {
    const run = start(['exit3', 'b']);
    const info = await run.info();
    expect(info).toMatchObject({ ppid: run.proc.pid, setting: String(MMAP_THRESHOLD_BYTES), args: ['exit3', 'b'] });
    expect(await run.ended).toEqual({ code: 3, signal: null });
  });

  it('runs in the process itself when not wanted', async () => {
    const run = start(['exit3'], false);
    expect(await run.info()).toMatchObject({ pid: run.proc.pid, setting: null });
    expect((await run.ended).code).toBe(3);
  });

  it('hands each Ctrl-C on once: the first is the child’s first, the second its second', async () => {
    const run = start(['wait']);
    await run.info();
    run.proc.kill('SIGINT');
    await run.said(/SIGINT 1/);
    run.proc.kill('SIGINT');
    await run.said(/SIGINT 2/);
    expect(await run.ended).toEqual({ code: 7, signal: null });
  });

  it('dies by the signal its child died by', async () => {
    const run = start(['wait']);
    process.kill((await run.info()).pid, 'SIGTERM');
    expect(await run.ended).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('takes its child with it when killed with SIGKILL', async () => {
    const run = start(['wait']);
    const { pid } = await run.info();
    run.proc.kill('SIGKILL');
    await run.ended;
    const end = Date.now() + 5000;
    while (alive(pid) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(alive(pid)).toBe(false);
  });

  it('is not wanted off Linux, nor where the setting is already given', () => {
    expect(wantsRelaunch({}, 'linux')).toBe(true);
    expect(wantsRelaunch({ MALLOC_MMAP_THRESHOLD_: '65536' }, 'linux')).toBe(false);
    expect(wantsRelaunch({}, 'darwin')).toBe(false);
  });
});
