import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openStore } from '@juesuan/loader';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ExtractPool } from './extract-pool.ts';
import { ingestFiles } from './ingest.ts';
import { DEFAULT_LIMITS } from './limits.ts';

const samples = join(import.meta.dirname, '..', '..', 'samples');
const dir = mkdtempSync(join(tmpdir(), 'juesuan-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingestFiles', () => {
  it('offers to read in parts only its last documents, fewer than the workers: the first start before the rest wait', async () => {
    const store = await openStore(join(dir, 'parts.sqlite'));
    const pool = new ExtractPool(DEFAULT_LIMITS, 2);
    const jobs = vi.spyOn(pool, 'extract');
    const files = ['sample-final-2023.pdf', 'sample-budget-2025.pdf', 'long/sample-long-final-2024.pdf', 'partial-rules/sample-partial-rules-2024.pdf'].map((f) => join(samples, f));
    try {
      const results = await ingestFiles(store, files, { pool, concurrency: 2, ocr: 'never' });
      expect(results.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    } finally {
      await pool.close();
      await store.close();
    }
    // a count is the first step of a document that may be read in parts
    const counted = jobs.mock.calls.filter(([, , o]) => o.pages === 'count').map(([file]) => basename(file));
    expect(counted.sort()).toEqual(['sample-long-final-2024.pdf', 'sample-partial-rules-2024.pdf']);
  }, 240_000);
});
