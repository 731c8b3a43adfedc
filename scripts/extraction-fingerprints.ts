/**
 * Fingerprints of the samples' extractions, stamped with the extractor version. A test fails when
 * an extraction changes while the version stays: bump EXTRACTOR_VERSION, then run this with --write.
 *   pnpm fingerprints [--write]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTRACTOR_VERSION } from '@juesuan/extractor';
import { Fingerprints, fingerprintAll } from './lib/extraction-fingerprints.ts';

const samples = join(import.meta.dirname, '..', 'samples');
const file = join(samples, 'extraction-fingerprints.json');
const now = await fingerprintAll(samples, EXTRACTOR_VERSION);
if (process.argv.includes('--write')) {
  writeFileSync(file, `${JSON.stringify(now, null, 2)}\n`);
  process.stdout.write(`wrote ${file} for extractor ${EXTRACTOR_VERSION}\n`);
} else {
  const before = Fingerprints.parse(JSON.parse(readFileSync(file, 'utf8')));
  const changed = Object.keys(now.files).filter((k) => before.files[k] !== now.files[k]);
  process.stdout.write(`extractor ${EXTRACTOR_VERSION} (fingerprints from ${before.extractorVersion}): ${changed.length ? `changed ${changed.join(', ')}` : 'no extraction changed'}\n`);
}
