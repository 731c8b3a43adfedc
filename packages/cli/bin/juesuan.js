#!/usr/bin/env node
// The `juesuan` command: its TypeScript sources bundled by esbuild into one module, cached on disk
// while none of them changes (tsx, which needs no build, costs about a second at every start, and
// 70 to 340 MB in a process that loads pdfjs: a stale bundle is built by a child process).
import { fileURLToPath } from 'node:url';
import { bundledEntry } from '../../../pipelines/src/bundle-cache.js';
import { runWithMallocSetting } from '../../../pipelines/src/malloc-relaunch.js';

/** The commands that may read scans: started again with glibc's setting for freed page images. */
const READS_DOCUMENTS = new Set(['ingest', 'extract', 'worker', 'debug']);

await runWithMallocSetting(() => bundledEntry(fileURLToPath(new URL('../src/main.ts', import.meta.url)), 'cli'), READS_DOCUMENTS.has(process.argv[2] ?? ''));
