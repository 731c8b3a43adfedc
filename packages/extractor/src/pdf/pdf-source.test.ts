import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPdfSource } from './pdf-source.ts';
import { readPdfPage } from './read-pdf-page.ts';
import { renderPageGray } from './render-page.ts';

const samples = join(import.meta.dirname, '..', '..', '..', '..', 'samples');
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(samples, name)));
// pdfjs names a font by its document's number, which differs between the two openings
const sameFonts = (json: unknown) => JSON.stringify(json).replace(/"g_d\d+_/g, '"g_');
const darkPixels = (data: Uint8Array) => data.reduce((n, v) => n + (v < 128 ? 1 : 0), 0);

describe('openPdfSource', () => {
  it('reads the same text runs and rulings from the layout opening as from the drawable one', async () => {
    const pdf = await openPdfSource(bytesOf('sample-final-2023.pdf'), 'sample-final-2023.pdf');
    try {
      const drawn = await pdf.drawable();
      expect(drawn).not.toBe(pdf.layout);
      for (let n = 1; n <= pdf.layout.numPages; n++) {
        const page = await readPdfPage(pdf.layout, n);
        expect(page.runs.length + page.rulings.length).toBeGreaterThan(0);
        expect(sameFonts(page)).toBe(sameFonts(await readPdfPage(drawn, n)));
      }
    } finally {
      await pdf.close();
    }
  });

  it('leaves images undecoded in the layout opening, yet draws them and text from the drawable one', async () => {
    const pdf = await openPdfSource(bytesOf('scanned/sample-final-2023.pdf'), 'scanned.pdf');
    try {
      const page = await pdf.layout.getPage(1);
      const ops = await page.getOperatorList();
      const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const image = ops.argsArray[ops.fnArray.indexOf(OPS.paintImageXObject)] as [string, number, number];
      expect(image[1] * image[2]).toBeGreaterThan(100_000);
      await new Promise((r) => setTimeout(r, 200));
      expect(page.objs.has(image[0])).toBe(false); // never decoded, never sent
      const scan = await renderPageGray(await pdf.drawable(), 1, 50);
      expect(darkPixels(scan.data)).toBeGreaterThan(200);
      const text = await openPdfSource(bytesOf('sample-final-2023.pdf'), 'sample-final-2023.pdf');
      const drawnText = await renderPageGray(await text.drawable(), 1, 50);
      await text.close();
      expect(darkPixels(drawnText.data)).toBeGreaterThan(200); // glyph paths are built for drawing
    } finally {
      await pdf.close();
    }
  });

  it("draws a page to the same grey from the canvas's raw pixels as from getImageData (a red seal's page too)", async () => {
    const pdf = await openPdfSource(bytesOf('scanned/profiles/seal/sample-budget-2025.pdf'), 'seal.pdf');
    try {
      const doc = await pdf.drawable();
      const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: { data?: unknown } } } }).canvasFactory;
      const create = factory.create.bind(factory);
      expect(typeof create(1, 1).canvas.data).toBe('function');
      const raw = await renderPageGray(doc, 1, 100);
      // the same factory, its canvases without data(): the getImageData path
      factory.create = (w, h) => {
        const made = create(w, h);
        Object.defineProperty(made.canvas, 'data', { value: undefined });
        return made;
      };
      const viaImageData = await renderPageGray(doc, 1, 100).finally(() => (factory.create = create));
      expect(darkPixels(raw.data)).toBeGreaterThan(200);
      expect(Buffer.from(raw.data).equals(Buffer.from(viaImageData.data))).toBe(true);
    } finally {
      await pdf.close();
    }
  });

  it('opens the drawable document once however many pages ask for it', async () => {
    const pdf = await openPdfSource(bytesOf('sample-budget-2025.pdf'), 'sample-budget-2025.pdf');
    const [a, b] = await Promise.all([pdf.drawable(), pdf.drawable()]);
    expect(a).toBe(b);
    await pdf.close();
  });
});
