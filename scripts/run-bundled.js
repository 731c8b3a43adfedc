#!/usr/bin/env node
// A script of ours run as the `juesuan` command runs: bundled, with no tsx in the process, so the
// memory and time a benchmark measures are the command's (tsx adds 70 to 340 MB beside pdfjs, and
// the command starts itself again with glibc's setting for freed buffers).
//   node scripts/run-bundled.js scripts/ocr-accuracy.ts <its arguments>
import { basename, resolve } from 'node:path';
import { bundledEntry } from '../pipelines/src/bundle-cache.js';
import { runWithMallocSetting } from '../pipelines/src/malloc-relaunch.js';

const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: run-bundled <script.ts> [arguments]\n');
  process.exit(2);
}
// started again as the command is (glibc's setting for freed page images), with the same arguments
await runWithMallocSetting(() => {
  process.argv.splice(2, 1);
  return bundledEntry(resolve(entry), `script-${basename(entry, '.ts')}`);
});
