#!/usr/bin/env node
// A script of ours run as the `juesuan` command runs: bundled, with no tsx in the process, so the
// memory and time a benchmark measures are the command's (tsx adds 70 to 340 MB beside pdfjs).
//   node scripts/run-bundled.js scripts/ocr-accuracy.ts <its arguments>
import { basename, resolve } from 'node:path';
import { bundledEntry } from '../pipelines/src/bundle-cache.js';

const [entry] = process.argv.splice(2, 1);
if (!entry) {
  process.stderr.write('usage: run-bundled <script.ts> [arguments]\n');
  process.exit(2);
}
await import(bundledEntry(resolve(entry), `script-${basename(entry, '.ts')}`));
