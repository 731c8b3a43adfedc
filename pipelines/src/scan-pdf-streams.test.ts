import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPdfStreams } from './scan-pdf-streams.ts';

const samples = join(import.meta.dirname, '..', '..', 'samples');
const read = (p: string) => new Uint8Array(readFileSync(join(samples, p)));
const limits = { maxImagePixels: 100_000_000, maxDecodedBytes: 2 ** 30 };

describe('checkPdfStreams', () => {
  it('passes an ordinary report with nothing to say', async () => {
    await expect(checkPdfStreams(read('sample-final-2023.pdf'), 'a.pdf', limits)).resolves.toEqual([]);
  });

  it('notes an image over the pixel limit, without decoding it', async () => {
    const t0 = performance.now();
    const notes = await checkPdfStreams(read('hostile/huge-image.pdf'), 'b.pdf', limits);
    expect(notes).toEqual([{ code: 'image_too_large', page: null, message: 'b.pdf: an image of 16384×98304 pixels (6.0 GiB in memory as RGBA) is over the limit of 100000000 pixels: left out' }]);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('refuses a document whose compressed streams decode past the byte limit', async () => {
    // the page drawn with 3 million operators: ~55 MB of content from a few hundred KB
    await expect(checkPdfStreams(read('hostile/many-operators.pdf'), 'c.pdf', { ...limits, maxDecodedBytes: 20 * 2 ** 20 })).rejects.toThrow(
      'c.pdf: its compressed streams decode to more than 20 MiB (a decompression bomb?): refused',
    );
    await expect(checkPdfStreams(read('hostile/many-operators.pdf'), 'c.pdf', limits)).resolves.toEqual([]);
  });
});
