/**
 * Image-only copies of the generated sample PDFs, as if printed and scanned: each page rendered
 * to grey at 200 dpi, turned by a small seeded angle, blurred by noise, JPEG-compressed and put
 * back into a PDF with no text layer. The text-layer sample is their truth.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';
import { openPdf } from '../../packages/extractor/src/pdf/open-pdf.ts';
import { renderPageGray } from '../../packages/extractor/src/pdf/render-page.ts';
import { rotateGray } from '../../packages/extractor/src/ocr/image-ops.ts';

/** A small deterministic generator, so the scans are the same on every machine. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function makeScan(source: string, target: string, seed: number, dpi = 200, quality = 75): Promise<void> {
  const doc = await openPdf(new Uint8Array(readFileSync(source)), source);
  const rand = seeded(seed);
  const out = new PDFDocument({ autoFirstPage: false, info: { Title: 'juesuan scanned sample', CreationDate: new Date(Date.UTC(2024, 0, 1)) } });
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((res) => out.on('end', () => res()));
  for (let n = 1; n <= doc.numPages; n++) {
    const img = rotateGray(await renderPageGray(doc, n, dpi), (rand() - 0.5) * 2.0);
    const canvas = createCanvas(img.width, img.height);
    const ctx = canvas.getContext('2d');
    const data = ctx.createImageData(img.width, img.height);
    for (let i = 0; i < img.data.length; i++) {
      const v = Math.max(0, Math.min(255, img.data[i]! + (rand() - 0.5) * 16));
      data.data[i * 4] = data.data[i * 4 + 1] = data.data[i * 4 + 2] = v;
      data.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(data, 0, 0);
    const jpeg = await canvas.encode('jpeg', quality);
    const w = (img.width / dpi) * 72;
    const h = (img.height / dpi) * 72;
    out.addPage({ size: [w, h], margin: 0 });
    out.image(jpeg, 0, 0, { width: w, height: h });
  }
  await doc.destroy();
  out.end();
  await done;
  writeFileSync(target, Buffer.concat(chunks));
}
