import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPdf } from '@juesuan/extractor';
import { extractDocument } from './extract-document.ts';
import { ExtractPool } from './extract-pool.ts';
import { DEFAULT_LIMITS } from './limits.ts';

const samples = join(import.meta.dirname, '..', '..', 'samples');
const read = (p: string) => new Uint8Array(readFileSync(join(samples, p)));
const pool = new ExtractPool(DEFAULT_LIMITS, 2);
afterAll(() => pool.close());

describe('extractDocument', () => {
  it('gives the same document whether its pages are read by one worker or in parts by several', async () => {
    const whole = await extractPdf(read('sample-final-2023.pdf'), 'final.pdf', { ocr: 'never' });
    const parts = await extractDocument(pool, 'final.pdf', read('sample-final-2023.pdf'), { ocr: 'never', split: true, minPartPages: 2 });
    expect(parts.ok).toBe(true);
    if (parts.ok) expect(parts.doc).toEqual(whole);
  }, 120_000);

  it('keeps a failed page and a left-out image when read in parts', async () => {
    const failed = await extractDocument(pool, 'throwing.pdf', read('hostile/throwing-page.pdf'), { split: true, minPartPages: 2 });
    expect(failed.ok && failed.doc.pages.filter((p) => p.failed).map((p) => p.number)).toEqual([2]);
    const image = await extractDocument(pool, 'image.pdf', read('hostile/huge-image.pdf'), { split: true, minPartPages: 2 });
    expect(image.ok && image.doc.notes?.map((n) => n.code)).toEqual(['image_too_large']);
    expect(image.ok && image.doc.pageCount).toBe(10);
  }, 120_000);
});
