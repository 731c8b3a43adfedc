import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPdfjs } from './load-pdfjs.ts';
import { minimalPdf, stream } from './minimal-pdf.ts';
import type { JpegRequest } from './native-jpeg.ts';
import { decodeJpeg } from './native-jpeg.ts';
import { openPdf } from './open-pdf.ts';
import { renderPageGray } from './render-page.ts';

const [W, H] = [300, 200];

/** A scan-like picture: paper with a gradient, a dark bar and a coloured block (grey in one band). */
function picture(bands: 1 | 3): Buffer {
  const px = Buffer.alloc(W * H * bands);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const paper = 200 + Math.round((x / W) * 50);
      const bar = y >= 60 && y < 80 && x >= 20 && x < 280;
      const block = y >= 120 && y < 170 && x >= 100 && x < 180;
      const rgb = bar ? [10, 10, 10] : block ? [200, 40, 40] : [paper, paper, paper];
      for (let b = 0; b < bands; b++) px[(y * W + x) * bands + b] = bands === 1 ? Math.round((rgb[0]! + rgb[1]! + rgb[2]!) / 3) : rgb[b]!;
    }
  return px;
}

const jpeg = (bands: 1 | 3) =>
  sharp(picture(bands), { raw: { width: W, height: H, channels: bands } })
    .toColourspace(bands === 1 ? 'b-w' : 'srgb')
    .jpeg({ quality: 80 })
    .toBuffer();

/** A page that is one JPEG image, as a scanner writes it. */
function jpegPage(image: Buffer, colorSpace: 'DeviceGray' | 'DeviceRGB'): Uint8Array {
  return minimalPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${W} ${H}] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>`,
    stream(`q ${W} 0 0 ${H} 0 0 cm /Im1 Do Q`),
    stream(image, `/Type /XObject /Subtype /Image /Width ${W} /Height ${H} /ColorSpace /${colorSpace} /BitsPerComponent 8 /Filter /DCTDecode`),
  ]);
}

type Host = { pdfjsNativeJpegDecoder?: (bytes: Uint8Array, want: JpegRequest) => Promise<Uint8Array | null> };

/** The page drawn grey at 72 dpi (a pixel an image pixel), and how many times the native decoder answered with pixels. */
async function drawn(pdf: Uint8Array, decoder: 'native' | 'pdf.js'): Promise<{ grey: Uint8Array; native: number }> {
  await loadPdfjs();
  const host = globalThis as Host;
  const given = host.pdfjsNativeJpegDecoder!;
  let native = 0;
  host.pdfjsNativeJpegDecoder =
    decoder === 'native'
      ? async (bytes, want) => {
          const px = await given(bytes, want);
          if (px) native++;
          return px;
        }
      : undefined;
  try {
    // a copy: pdf.js takes over the bytes it is given
    const doc = await openPdf(pdf.slice(), 'scan.pdf');
    try {
      return { grey: (await renderPageGray(doc, 1, 72)).data, native };
    } finally {
      await doc.destroy();
    }
  } finally {
    host.pdfjsNativeJpegDecoder = given;
  }
}

/** Within the coloured block or 8 pixels of it (a chroma sample covers two pixels, a JPEG block eight). */
const nearBlock = (x: number, y: number) => x >= 92 && x < 188 && y >= 112 && y < 178;
const largestDifference = (a: Uint8Array, b: Uint8Array, where: (i: number) => boolean) => a.reduce((m, v, i) => (where(i) ? Math.max(m, Math.abs(v - b[i]!)) : m), 0);

describe('JPEG pages decoded natively', () => {
  afterEach(async () => {
    // every test leaves pdf.js with the decoder it was given
    await loadPdfjs();
    expect(typeof (globalThis as Host).pdfjsNativeJpegDecoder).toBe('function');
  });

  it.each([
    ['grey', 1, 'DeviceGray'],
    ['RGB', 3, 'DeviceRGB'],
  ] as const)('draws a %s JPEG page as pdf.js decoding it itself does (paper and print to within a grey level)', async (_, bands, space) => {
    const pdf = jpegPage(await jpeg(bands), space);
    const native = await drawn(pdf, 'native');
    const own = await drawn(pdf, 'pdf.js');
    expect(native.native).toBe(1);
    expect(own.native).toBe(0);
    expect(native.grey.length).toBe(W * H);
    // neutral paper and print to within a grey level; the coloured block within its chroma's rounding (libjpeg
    // upsamples chroma smoothly where pdf.js repeats it), its red taken for a seal's and dropped by both
    const outside = (i: number) => !nearBlock(i % W, Math.floor(i / W));
    expect(largestDifference(native.grey, own.grey, outside)).toBeLessThanOrEqual(1);
    expect(largestDifference(native.grey, own.grey, (i) => !outside(i))).toBeLessThanOrEqual(bands === 1 ? 1 : 60);
    // the page is drawn, not blank: the bar is dark, the paper light
    expect(native.grey[70 * W + 150]).toBeLessThan(40);
    expect(native.grey[10 * W + 150]).toBeGreaterThan(190);
  });

  it('leaves a truncated JPEG to pdf.js, which draws what it holds as before', async () => {
    const whole = await jpeg(1);
    const pdf = jpegPage(whole.subarray(0, Math.floor(whole.length * 0.6)), 'DeviceGray');
    const native = await drawn(pdf, 'native');
    const own = await drawn(pdf, 'pdf.js');
    expect(native.native).toBe(0);
    expect(Buffer.compare(Buffer.from(native.grey), Buffer.from(own.grey))).toBe(0);
  });

  it('answers null for a JPEG of another size than asked, or a request pdf.js makes of another layout', async () => {
    const grey = await jpeg(1);
    expect(await decodeJpeg(grey, { width: W / 2, height: H / 2, forceRGB: true, forceRGBA: false })).toBeNull();
    const layout = (forceRGB: boolean, forceRGBA: boolean) => decodeJpeg(grey, { width: W, height: H, forceRGB, forceRGBA });
    const [own, rgb, rgba] = [await layout(false, false), await layout(true, false), await layout(false, true)];
    expect([own?.length, rgb?.length, rgba?.length]).toEqual([W * H, W * H * 3, W * H * 4]);
    // grey repeated in red, green and blue; opaque
    const bar = 70 * W + 150;
    expect([rgb![3 * bar], rgb![3 * bar + 1], rgb![3 * bar + 2]]).toEqual([own![bar], own![bar], own![bar]]);
    expect([rgba![4 * bar], rgba![4 * bar + 2], rgba![4 * bar + 3]]).toEqual([own![bar], own![bar], 255]);
    await expect(decodeJpeg(Buffer.from('not a jpeg'), { width: W, height: H, forceRGB: true, forceRGBA: false })).rejects.toThrow();
  });
});
