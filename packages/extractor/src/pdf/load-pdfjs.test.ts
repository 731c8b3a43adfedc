import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPdfjs, pdfjsData } from './load-pdfjs.ts';

// Node's own, taken before pdfjs is loaded in this file's fresh module graph
const natives = [Array.prototype.push, JSON.parse, JSON.stringify];

describe('loadPdfjs', () => {
  it("keeps Node's own push and JSON after the legacy build's polyfills load", async () => {
    const pdfjs = await loadPdfjs();
    expect(typeof pdfjs.getDocument).toBe('function');
    // a document opened and read: the in-thread worker is loaded too
    const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, '../../../../samples/sample-final-2023.pdf')));
    const doc = await pdfjs.getDocument({ data: bytes }).promise;
    expect((await (await doc.getPage(1)).getTextContent()).items.length).toBeGreaterThan(0);
    await doc.destroy();
    expect([Array.prototype.push, JSON.parse, JSON.stringify].every((fn, i) => fn === natives[i])).toBe(true);
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function'); // the build's own additions stay
  });

  it('names its CMap and standard font folders as paths, which is what pdfjs reads in Node', () => {
    // pdfjs's Node factories read `${folder}${name}` with fs.readFile: a file: URL string reads nothing
    expect(readFileSync(`${pdfjsData.cMapUrl}UniGB-UCS2-H.bcmap`).length).toBeGreaterThan(0);
    expect(readFileSync(`${pdfjsData.standardFontDataUrl}FoxitSerif.pfb`).length).toBeGreaterThan(0);
  });
});
