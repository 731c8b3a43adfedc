import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLE_CACHE, freshBundle } from './bundle-cache.js';
import { moduleBundle } from './module-bundle.ts';

const codeOf = (url: URL) =>
  url.protocol === 'data:' ? Buffer.from(url.pathname.slice(url.pathname.indexOf(',') + 1), 'base64').toString('utf8') : readFileSync(fileURLToPath(url), 'utf8');

describe('moduleBundle', () => {
  it('bundles our TypeScript and imports installed packages from where they are installed', async () => {
    const entry = new URL('./extract-worker.ts', import.meta.url);
    const url = await moduleBundle(entry, 'extract-worker');
    expect(await moduleBundle(entry, 'extract-worker')).toBe(url); // built once a process
    const code = codeOf(url);
    const specifiers = [...code.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*)"([^"]+)"/g)].map((m) => m[1]!);
    expect(specifiers.length).toBeGreaterThan(5);
    // nothing left for tsx or for a node_modules next to the bundle
    expect(specifiers.filter((s) => !s.startsWith('node:') && !s.startsWith('file:///'))).toEqual([]);
    expect(specifiers.some((s) => s.includes('/pdfjs-dist/'))).toBe(true);
    expect(code).not.toMatch(/import\.meta\.(url|dirname|filename)/);
    // each module keeps its own URL: the extractor finds pdfjs's data from its own folder
    expect(code).toContain(JSON.stringify(new URL('../../packages/extractor/src/pdf/load-pdfjs.ts', import.meta.url).href));
  });

  it('keeps the bundle on disk for the next process while its sources are unchanged', async () => {
    const url = await moduleBundle(new URL('./extract-worker.ts', import.meta.url), 'extract-worker');
    expect(url.protocol).toBe('file:');
    expect(freshBundle(BUNDLE_CACHE, 'extract-worker')).toBe(fileURLToPath(url));
  });
});
