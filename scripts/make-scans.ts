/**
 * Varied scans for OCR work: every PDF of the input (a file or a folder) printed and scanned
 * through each named profile, written as image-only PDFs to <out>/<profile>/<name>.pdf, with the
 * `<name>.expected.jsonl` beside the input copied along so `pnpm eval <out>/<profile>` and
 * `pnpm ocr-accuracy <out>/<profile> <input folder>` run on them. Keep the output out of the repository.
 *   pnpm make-scans <pdf or folder> <out folder> [--profiles a,b,…] [--list]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import type { ProfileName } from './lib/make-scans.ts';
import { SCAN_PROFILES, scanPdf, seedOf } from './lib/make-scans.ts';

const names = Object.keys(SCAN_PROFILES) as ProfileName[];
const HELP = `usage: make-scans <pdf or folder> <out folder> [--profiles a,b,…] [--list]
profiles: ${names.join(', ')} (default: all)`;

const Args = z.object({
  input: z.string().refine(existsSync, { message: 'no such file or folder' }),
  out: z.string().min(1),
  profiles: z.array(z.enum(names as [ProfileName, ...ProfileName[]])).min(1),
});

const argv = process.argv.slice(2);
if (argv.includes('--list')) {
  for (const n of names) process.stdout.write(`${n.padEnd(12)} ${JSON.stringify(SCAN_PROFILES[n])}\n`);
  process.exit(0);
}
const flag = argv.indexOf('--profiles');
const positional = argv.filter((a, i) => !a.startsWith('--') && (flag < 0 || i !== flag + 1));
if (argv.includes('--help') || positional.length !== 2) {
  process.stdout.write(`${HELP}\n`);
  process.exit(argv.includes('--help') ? 0 : 2);
}
const parsed = Args.safeParse({ input: positional[0], out: positional[1], profiles: flag >= 0 ? (argv[flag + 1] ?? '').split(',') : names });
if (!parsed.success) {
  process.stderr.write(`make-scans: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`);
  process.exit(2);
}
const { input, out, profiles } = parsed.data;
const files = statSync(input).isDirectory()
  ? readdirSync(input)
      .filter((f) => f.toLowerCase().endsWith('.pdf'))
      .sort()
      .map((f) => join(input, f))
  : [input];

let failed = 0;
// one process a file and profile: the canvas's native memory is given back in between, and a
// crash in it costs one scan, named, not the batch; a crash is tried once more (the canvas's
// segfaults come and go: the same scan made at the next try)
if (profiles.length > 1 || files.length > 1) {
  const scan = (file: string, profile: string) => spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, file, out, '--profiles', profile], { stdio: 'inherit' });
  for (const profile of profiles)
    for (const file of files) {
      let r = scan(file, profile);
      if (r.signal) r = scan(file, profile);
      if (r.status !== 0) {
        failed++;
        process.stderr.write(`make-scans: ${file}: the ${profile} scan failed (${r.signal ?? `exit ${r.status}`})\n`);
      }
    }
  process.exit(failed ? 1 : 0);
}
for (const profile of profiles) {
  const dir = join(out, profile);
  mkdirSync(dir, { recursive: true });
  for (const file of files) {
    const name = basename(file);
    const t0 = performance.now();
    try {
      const pages = await scanPdf(file, join(dir, name), SCAN_PROFILES[profile], seedOf(`${profile}:${name}`));
      const expected = join(dirname(file), name.replace(/\.pdf$/i, '.expected.jsonl'));
      if (existsSync(expected)) copyFileSync(expected, join(dir, basename(expected)));
      process.stdout.write(`${profile}/${name}: ${pages} pages in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    } catch (e) {
      failed++;
      process.stderr.write(`make-scans: ${file}: ${(e as Error).message}\n`);
    }
  }
}
process.exitCode = failed ? 1 : 0;
