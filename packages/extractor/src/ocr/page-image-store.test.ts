import { describe, expect, it } from 'vitest';
import { PageImageStore } from './page-image-store.ts';

/** A page-like image: paper with noise and a few dark strokes (deflates, but not to nothing). */
function scannedPage(width: number, height: number, seed: number) {
  const data = new Uint8Array(width * height);
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[i] = (i % width) % 97 < 3 ? 20 : 235 + (s >>> 28);
  }
  return { img: { width, height, data, scale: 300 / 72 }, threshold: 128, bilevel: false };
}

describe('PageImageStore', () => {
  it('gives back a kept page pixel for pixel, with its threshold and scale', async () => {
    const store = new PageImageStore();
    const page = scannedPage(400, 300, 7);
    store.keep(3, 300, page);
    const taken = await store.take(3, 300);
    expect(taken?.threshold).toBe(128);
    expect(taken?.bilevel).toBe(false);
    expect(taken?.img).toMatchObject({ width: 400, height: 300, scale: 300 / 72 });
    expect(Buffer.compare(Buffer.from(taken!.img.data), Buffer.from(page.img.data))).toBe(0);
    expect(store.held()).toBeGreaterThan(0);
    expect(store.held()).toBeLessThan(page.img.data.length);
  });

  it('has nothing for a page not kept, or kept at another resolution', async () => {
    const store = new PageImageStore();
    store.keep(1, 300, scannedPage(50, 40, 1));
    expect(await store.take(2, 300)).toBeNull();
    expect(await store.take(1, 400)).toBeNull();
  });

  it('keeps no more than its budget: the pages past it are drawn again', async () => {
    const one = scannedPage(400, 300, 3);
    const probe = new PageImageStore();
    probe.keep(1, 300, one);
    await probe.take(1, 300);
    const store = new PageImageStore(Math.floor(probe.held() * 1.5));
    for (let n = 1; n <= 4; n++) {
      store.keep(n, 300, scannedPage(400, 300, n + 2));
      await store.take(n, 300);
    }
    const kept = await Promise.all([1, 2, 3, 4].map((n) => store.take(n, 300)));
    expect(kept.map((k) => k !== null)).toEqual([true, false, false, false]);
    expect(store.held()).toBeLessThanOrEqual(Math.floor(probe.held() * 1.5));
  });
});
