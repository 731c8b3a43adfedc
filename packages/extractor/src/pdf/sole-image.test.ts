import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ocrDpiOf } from '../ocr/ocr-resolution.ts';
import { minimalPdf, stream } from './minimal-pdf.ts';
import { openPdf } from './open-pdf.ts';
import { readPdfPage } from './read-pdf-page.ts';
import { renderPageGray } from './render-page.ts';
import { scanOf, soleImageGray } from './sole-image.ts';

/** A colour JPEG of `width` × `height`: dark strokes, a red seal's ring and a shaded band, as a scan has. */
async function scanJpeg(width: number, height: number): Promise<Buffer> {
  const rgb = Buffer.alloc(width * height * 3, 235);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const ring = Math.abs(Math.hypot(x - width / 2, y - height / 2) - width / 4) < 3;
      if (ring) rgb.set([220, 60, 60], i);
      else if (y % 40 < 3 || x % 57 < 2) rgb.set([20, 20, 25], i);
      else if (y > height * 0.8) rgb.set([200, 200, 190], i);
    }
  return sharp(rgb, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

/** A page that is one image, placed as a scanner places it, in a page of `points` wide and high. */
function scanPage(jpeg: Buffer, width: number, height: number, points: [number, number], extra = ''): Uint8Array {
  const [w, h] = points;
  return minimalPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>`,
    stream(`q ${w} 0 0 ${h} 0 0 cm /Im1 Do Q${extra}`),
    stream(jpeg, `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode`),
  ]);
}

/** The page's grey drawn on a canvas, and turned to grey from its one image when it is nothing else. */
async function bothWays(pdf: Uint8Array, dpi: number) {
  const [layout, drawn, direct] = await Promise.all([openPdf(pdf.slice(), 'a.pdf', { layoutOnly: true }), openPdf(pdf.slice(), 'b.pdf'), openPdf(pdf.slice(), 'c.pdf')]);
  const raw = await readPdfPage(layout, 1);
  const page = await direct.getPage(1);
  const scale = dpi / 72;
  const sole = await soleImageGray(page, page.getViewport({ scale }), scale);
  return { soleImage: raw.soleImage, drawn: await renderPageGray(drawn, 1, dpi), sole, rendered: await renderPageGray(direct, 1, dpi, raw.soleImage) };
}

describe('pass "sole image"', () => {
  it('turns a 300-dpi scan drawn at 300 dpi grey from its image, pixel for pixel as drawn', async () => {
    const { soleImage, drawn, sole, rendered } = await bothWays(scanPage(await scanJpeg(300, 400), 300, 400, [72, 96]), 300);
    expect(soleImage).toEqual({ width: 300, height: 400 });
    expect(sole).not.toBeNull();
    expect([sole!.width, sole!.height]).toEqual([drawn.width, drawn.height]);
    expect(Buffer.compare(Buffer.from(sole!.data), Buffer.from(drawn.data))).toBe(0);
    expect(Buffer.compare(Buffer.from(rendered.data), Buffer.from(drawn.data))).toBe(0);
  });

  it('leaves the canvas its column of white where the page is a hair wider than the image', async () => {
    const { drawn, sole } = await bothWays(scanPage(await scanJpeg(300, 400), 300, 400, [72.0001, 96]), 300);
    expect(drawn.width).toBe(301);
    expect(sole).not.toBeNull();
    expect(Buffer.compare(Buffer.from(sole!.data), Buffer.from(drawn.data))).toBe(0);
  });

  it('draws a scan read at another resolution, and a page with anything beside its image', async () => {
    const jpeg = await scanJpeg(200, 280);
    const scaled = await bothWays(scanPage(jpeg, 200, 280, [72, 100.8]), 300);
    expect(scaled.soleImage).toEqual({ width: 200, height: 280 });
    expect(scaled.sole).toBeNull();
    const ruled = await bothWays(scanPage(jpeg, 200, 280, [48, 67.2], ' 0 0 m 10 10 l S'), 300);
    expect(ruled.soleImage).toBeUndefined();
    expect(ruled.sole).toBeNull();
    expect(Buffer.compare(Buffer.from(ruled.rendered.data), Buffer.from(ruled.drawn.data))).toBe(0);
  });
});

/** A page `points` wide and half as high, whose content is `content` with an image of `width` × `width / 2` pixels at `bits` a pixel (grey). */
function greyScanPage(points: number, content: string, width: number, bits: 1 | 8): Uint8Array {
  const height = width / 2;
  const rowBytes = bits === 1 ? Math.ceil(width / 8) : width;
  // paper, and a dark bar across the middle
  const pixels = Buffer.alloc(rowBytes * height, 255);
  for (let y = height / 2 - 2; y < height / 2 + 2; y++) pixels.fill(0, y * rowBytes + 2, (y + 1) * rowBytes - 2);
  return minimalPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${points} ${points / 2}] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>`,
    stream(content),
    stream(deflateSync(pixels), `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent ${bits} /Filter /FlateDecode`),
  ]);
}

async function scanOfPage(bytes: Uint8Array) {
  const doc = await openPdf(bytes, 'scan.pdf');
  try {
    return await scanOf(await doc.getPage(1));
  } finally {
    await doc.destroy();
  }
}

describe('scanOf', () => {
  it("tells a grey scan's resolution on the page (pixels an inch across), before it is drawn", async () => {
    // 400 pixels across 144 points (two inches): 200 dpi
    const scan = await scanOfPage(greyScanPage(144, 'q 144 0 0 72 0 0 cm /Im1 Do Q', 400, 8));
    expect(scan?.bilevel).toBe(false);
    expect(scan?.dpi).toBeCloseTo(200, 5);
    expect(ocrDpiOf(scan)).toBe(200);
  });

  it('tells a scan of one bit a pixel (black and white), drawn finer', async () => {
    const scan = await scanOfPage(greyScanPage(144, 'q 144 0 0 72 0 0 cm /Im1 Do Q', 400, 1));
    expect(scan).toEqual({ dpi: expect.closeTo(200, 5) as number, bilevel: true });
    expect(ocrDpiOf(scan)).toBe(300);
  });

  it('measures an image drawn turned by the width it spans', async () => {
    // the image's first side drawn upwards: 400 pixels over 72 points high
    const scan = await scanOfPage(greyScanPage(144, 'q 0 72 -144 0 144 0 cm /Im1 Do Q', 400, 8));
    expect(scan?.dpi).toBeCloseTo(400, 5);
  });

  it('is null for a page that is more than its image, and such a page is drawn at 300 dpi', async () => {
    const scan = await scanOfPage(greyScanPage(144, 'q 144 0 0 72 0 0 cm /Im1 Do Q 0 0 10 10 re f', 400, 8));
    expect(scan).toBeNull();
    expect(ocrDpiOf(scan)).toBe(300);
  });

  it('leaves a coarse grey scan (under 200 dpi) to be drawn at 300', async () => {
    const scan = await scanOfPage(greyScanPage(144, 'q 144 0 0 72 0 0 cm /Im1 Do Q', 300, 8));
    expect(scan?.dpi).toBeCloseTo(150, 5);
    expect(ocrDpiOf(scan)).toBe(300);
  });
});
