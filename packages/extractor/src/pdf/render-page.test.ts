import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { openPdf } from './open-pdf.ts';
import { renderPageGray } from './render-page.ts';

/**
 * A page of a table's `rows` rows as a report's producer writes them: each number its own text
 * object, the first in bold, in standard fonts; a rule under the row; and a box drawn moved in a
 * saved state (save, transform, path, restore: the run pdf.js's optimizer rewrites, which after
 * the first chunk of 1000 operations went wrong before the patch's fix).
 */
async function densePage(rows: number): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 20 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const fontId = (name: string) => (doc.font(name).fontSize(6).text('0', 20, 20, { lineBreak: false }) as unknown as { _font: { id: string } })._font.id;
  const [regular, bold] = [fontId('Helvetica'), fontId('Helvetica-Bold')];
  // the page is drawn top down (pdfkit's transform): the text matrix turns the glyphs upright again
  for (let r = 0; r < rows; r++) {
    const y = 36 + r * 7.8;
    for (let c = 0; c < 4; c++) doc.addContent(`BT /${c === 0 ? bold : regular} 6 Tf 1 0 0 -1 ${40 + c * 130} ${y} Tm (${r},${c}) Tj ET`);
    doc.addContent(`0.5 w 20 ${y + 2} m 575 ${y + 2} l S`);
    doc.addContent(`q 1 0 0 1 560 ${y - 4} cm 0 0 5 5 re f Q`);
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** Dark pixels in rows y0..y1 of an image. */
function inkIn(img: { width: number; data: Uint8Array }, y0: number, y1: number): number {
  let n = 0;
  for (let i = y0 * img.width; i < y1 * img.width; i++) if (img.data[i]! < 128) n++;
  return n;
}

describe('renderPageGray', () => {
  it('draws a page of thousands of operations to its end', async () => {
    const bytes = await densePage(100);
    const doc = await openPdf(bytes, 'dense.pdf');
    try {
      const page = await doc.getPage(1);
      expect((await page.getOperatorList()).fnArray.length).toBeGreaterThan(2000);
      const img = await renderPageGray(doc, 1, 72);
      // the first rows and the last (y 30 and 802 points) both inked
      expect(inkIn(img, 28, 40)).toBeGreaterThan(20);
      expect(inkIn(img, 800, 812)).toBeGreaterThan(20);
    } finally {
      await doc.destroy();
    }
  });
});
