import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { minimalPdf, stream } from './minimal-pdf.ts';
import { openPdf } from './open-pdf.ts';
import { greyOf, greyPixels } from './grey-pixels.ts';
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

/** A JPEG 2000 codestream of a grey image, by OpenJPEG built for WebAssembly. */
async function jpeg2000(width: number, height: number, paint: (pixels: Uint8Array) => void): Promise<Buffer> {
  type Encoder = { getDecodedBuffer(f: object): Uint8Array; encode(): void; getEncodedBuffer(): Uint8Array };
  const factory = createRequire(import.meta.url)('@cornerstonejs/codec-openjpeg/wasmjs') as () => Promise<{ J2KEncoder: new () => Encoder }>;
  const encoder = new (await factory()).J2KEncoder();
  const pixels = encoder.getDecodedBuffer({ width, height, bitsPerSample: 8, componentCount: 1, isSigned: false });
  paint(pixels);
  encoder.encode();
  return Buffer.from(encoder.getEncodedBuffer());
}

/** A page that is one image, as a scanner writes it: its stream filtered by `filter`. */
function imagePage(image: Buffer, width: number, height: number, filter: string): Uint8Array {
  const content = `q ${width} 0 0 ${height} 0 0 cm /Im1 Do Q`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>`,
    stream(content),
    stream(image, `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /${filter}`),
  ];
  return minimalPdf(objects);
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
      // the first row and the last (at 36 and 808 points down) both inked
      expect(inkIn(img, 28, 40)).toBeGreaterThan(20);
      expect(inkIn(img, 800, 812)).toBeGreaterThan(20);
    } finally {
      await doc.destroy();
    }
  });

  it('draws a page scanned to JPEG 2000 (JPXDecode), with the decoder pdfjs-dist ships', async () => {
    // a bar 360 × 20 pixels on white
    const image = await jpeg2000(400, 200, (px) => {
      px.fill(255);
      for (let y = 40; y < 60; y++) px.fill(0, y * 400 + 20, y * 400 + 380);
    });
    const doc = await openPdf(imagePage(image, 400, 200, 'JPXDecode'), 'jpx.pdf');
    try {
      const img = await renderPageGray(doc, 1, 72);
      expect(inkIn(img, 0, 200)).toBe(360 * 20);
    } finally {
      await doc.destroy();
    }
  });

  it('draws a page on a kept canvas as on a new one, after a page of transparency groups and soft masks', async () => {
    const doc = await openPdf(groupsThenClip(), 'groups.pdf');
    const grey = async (n: number) => (await renderPageGray(doc, n, 900)).data;
    const alone = await grey(2);
    const first = await grey(1);
    const after = await grey(2);
    await doc.destroy();
    expect(Buffer.compare(Buffer.from(after), Buffer.from(alone))).toBe(0);
    // the pages differ: the second drawn after the first is not the first's pixels left over
    expect(Buffer.compare(Buffer.from(first), Buffer.from(alone))).not.toBe(0);
  });
});

describe('greyPixels', () => {
  // grey, black, white, a seal's red, a blue: each pixel RGBA
  const rgba = new Uint8Array([128, 128, 128, 255, 0, 0, 0, 255, 255, 255, 255, 255, 230, 60, 50, 255, 20, 40, 200, 255, 90, 90, 90, 255]);
  const expected = (from: Uint8Array) => Array.from({ length: from.length / 4 }, (_, j) => Math.trunc(greyOf(from[4 * j]!, from[4 * j + 1]!, from[4 * j + 2]!)) & 255);

  it('turns each pixel grey as greyOf does', () => {
    expect([...greyPixels(rgba, 6)]).toEqual(expected(rgba));
  });

  it('reads a view that starts off a 4-byte boundary a byte at a time, to the same greys', () => {
    const shifted = new Uint8Array(rgba.length + 1);
    shifted.set(rgba, 1);
    expect([...greyPixels(shifted.subarray(1), 6)]).toEqual(expected(rgba));
  });
});

/**
 * Two pages of 200 pt (2500 pixels a side at 900 dpi, canvases large enough to be kept): a soft
 * mask from a transparency group and a multiplied half-transparent fill, then text drawn as a clip.
 */
function groupsThenClip(): Uint8Array {
  const group = '/Type /XObject /Subtype /Form /BBox [0 0 200 200] /Group << /S /Transparency /CS /DeviceGray >>';
  return minimalPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 5 0 R /Resources << /ExtGState << /GS1 << /SMask << /S /Luminosity /G 7 0 R >> >> /GS2 << /ca 0.5 /BM /Multiply >> >> >> >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 6 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>',
    stream('q /GS1 gs 0 0 1 rg 0 0 200 200 re f Q q /GS2 gs 1 0 0 rg 20 20 100 100 re f Q'),
    stream('BT /F1 40 Tf 7 Tr 20 100 Td (Clip) Tj ET 0 0 0 rg 0 0 200 200 re f'),
    stream('0.7 g 0 0 150 150 re f', group),
  ]);
}
