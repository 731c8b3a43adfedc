import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '@juesuan/extractor';
import { Fingerprints, fingerprintAll } from '../scripts/lib/extraction-fingerprints.ts';

const samples = join(import.meta.dirname, '..', 'samples');

describe('the extraction cache key', () => {
  it('changes whenever a sample extraction changes: no cached extraction outlives the extractor that made it', async () => {
    const recorded = Fingerprints.parse(JSON.parse(readFileSync(join(samples, 'extraction-fingerprints.json'), 'utf8')));
    const now = await fingerprintAll(samples, EXTRACTOR_VERSION);
    const changed = Object.keys(now.files).filter((k) => recorded.files[k] !== now.files[k]);
    // same version, other output: EXTRACTOR_VERSION must be bumped (then `pnpm fingerprints --write`)
    if (recorded.extractorVersion === EXTRACTOR_VERSION) expect(changed, `extraction changed under extractor ${EXTRACTOR_VERSION}: bump EXTRACTOR_VERSION`).toEqual([]);
    // a bump without new fingerprints leaves the record stale
    expect(recorded.extractorVersion, 'fingerprints are from another extractor version: run `pnpm fingerprints --write`').toBe(EXTRACTOR_VERSION);
  }, 60_000);
});
