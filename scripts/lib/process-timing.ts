/** Whole-process timings for the benchmarks: wall time and peak memory (GNU time), medians. */
import { spawnSync } from 'node:child_process';

export const hasGnuTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
export const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).status === 0;

export interface Timing {
  seconds: number;
  maxRssKb: number | null;
  ok: boolean;
  /** user + system CPU seconds of the process, all its threads (a busy machine stretches wall time, not this) */
  cpuSeconds?: number | null;
}
/** Wall time and peak memory of one whole process. */
export function timed(cmd: string, argv: string[], env?: NodeJS.ProcessEnv): Timing & { stdout: string } {
  const t0 = performance.now();
  const r = hasGnuTime
    ? spawnSync('/usr/bin/time', ['-f', '@@%M %U %S', cmd, ...argv], { encoding: 'utf8', maxBuffer: 1 << 28, env })
    : spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28, env });
  const seconds = (performance.now() - t0) / 1000;
  const m = hasGnuTime ? /@@(\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '') : null;
  const rss = Number(m?.[1] ?? NaN);
  const cpu = m ? Number(m[2]) + Number(m[3]) : NaN;
  return { seconds, maxRssKb: Number.isFinite(rss) ? rss : null, cpuSeconds: Number.isFinite(cpu) ? cpu : null, ok: r.status === 0, stdout: r.stdout ?? '' };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export function repeat(n: number, f: () => Timing): { seconds: number; maxRssKb: number | null; ok: boolean } {
  const ts = Array.from({ length: n }, f);
  const rss = ts.map((t) => t.maxRssKb).filter((x): x is number => x !== null);
  return { seconds: median(ts.map((t) => t.seconds)), maxRssKb: rss.length ? Math.max(...rss) : null, ok: ts.every((t) => t.ok) };
}

export const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '-');
export const mib = (kb: number | null) => (kb === null ? '-' : (kb / 1024).toFixed(0));
