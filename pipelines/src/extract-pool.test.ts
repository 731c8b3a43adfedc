import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractPool } from './extract-pool.ts';
import { DEFAULT_LIMITS } from './limits.ts';

const samples = join(import.meta.dirname, '..', '..', 'samples');
const read = (p: string) => new Uint8Array(readFileSync(join(samples, p)));

describe('ExtractPool', () => {
  it('stops a worker over its heap limit, and the next document gets a fresh worker', async () => {
    const pool = new ExtractPool({ ...DEFAULT_LIMITS, workerHeapMb: 160, timeoutSeconds: 60 }, 1);
    const t0 = performance.now();
    const bad = await pool.extract('many-operators.pdf', read('hostile/many-operators.pdf'), { ocr: 'never' });
    expect(bad).toMatchObject({ ok: false, code: 'out_of_memory' });
    expect(bad.ok ? '' : bad.message).toBe('many-operators.pdf: extraction went over its memory limit of 160 MiB: stopped');
    expect((performance.now() - t0) / 1000).toBeLessThan(60);
    const good = await pool.extract('sample-budget-2025.pdf', read('sample-budget-2025.pdf'), { ocr: 'never' });
    expect(good.ok ? "ok" : good.message).toBe("ok");
    if (good.ok) {
      expect((JSON.parse(good.json) as { pageCount: number }).pageCount).toBeGreaterThan(0);
      expect(good.peakBytes).toBeGreaterThan(0);
    }
    await pool.close();
  }, 120_000);
});
