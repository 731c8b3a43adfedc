import { describe, expect, it } from 'vitest';
import { workerBundle } from './worker-bundle.ts';

describe('workerBundle', () => {
  it('bundles our TypeScript and imports installed packages from where they are installed', async () => {
    const entry = new URL('./extract-worker.ts', import.meta.url);
    const url = await workerBundle(entry);
    expect(await workerBundle(entry)).toBe(url); // built once a process
    expect(url.protocol).toBe('data:');
    const code = Buffer.from(url.pathname.slice(url.pathname.indexOf(',') + 1), 'base64').toString('utf8');
    const specifiers = [...code.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*)"([^"]+)"/g)].map((m) => m[1]!);
    expect(specifiers.length).toBeGreaterThan(5);
    // nothing left for tsx or for a node_modules next to the bundle
    expect(specifiers.filter((s) => !s.startsWith('node:') && !s.startsWith('file:///'))).toEqual([]);
    expect(specifiers.some((s) => s.includes('/pdfjs-dist/'))).toBe(true);
    expect(code).not.toMatch(/import\.meta\.(url|dirname|filename)/);
    // each module keeps its own URL: the extractor finds pdfjs's data from its own folder
    expect(code).toContain(JSON.stringify(new URL('../../packages/extractor/src/pdf/load-pdfjs.ts', import.meta.url).href));
  });
});
