import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPdfjs } from './load-pdfjs.ts';
import { minimalPdf, stream } from './minimal-pdf.ts';
import { openPdf } from './open-pdf.ts';

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

  it('reads Chinese in a font not embedded, through its predefined CMap from the package (UniGB-UCS2-H)', async () => {
    for (const layoutOnly of [true, false]) {
      const doc = await openPdf(unembeddedChinese(), 'unembedded.pdf', { layoutOnly });
      const text = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : ''));
      await doc.destroy();
      // the CMap unread, the Chinese is lost and only the Latin line is left
      expect(text).toContain('中文间');
      expect(text).toContain('Hello 123');
    }
  });
});

/** A page with 中文间 in STSong-Light by the UniGB-UCS2-H CMap, not embedded (as many Chinese producers write it), and a Times line. */
function unembeddedChinese(): Uint8Array {
  const content = 'BT /F1 24 Tf 20 120 Td <4E2D658795F4> Tj ET BT /F2 24 Tf 20 60 Td (Hello 123) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 7 0 R >> >> >>',
    stream(content),
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 8 0 R /DW 1000 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>',
  ];
  return minimalPdf(objects);
}
