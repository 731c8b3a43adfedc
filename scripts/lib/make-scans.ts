/**
 * Image-only copies of PDFs, as if printed and scanned: each page rendered, put through a scan
 * profile (resolution, JPEG quality, a turn, perspective, blur, noise, uneven light, faint or heavy
 * print, a red seal, fax-like black and white) and put back into a PDF with no text layer. The
 * text-layer PDF is their truth.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { openPdf } from '../../packages/extractor/src/pdf/open-pdf.ts';
import { renderPageGray } from '../../packages/extractor/src/pdf/render-page.ts';
import { rotateGray } from '../../packages/extractor/src/ocr/image-ops.ts';
import type { Planes, Rand } from './scan-effects.ts';
import { binarizePlanes, blur, encodePage, faint, heavy, noise, seeded, stampSeal, unevenBackground, warp } from './scan-effects.ts';

export interface ScanProfile {
  dpi: number;
  quality: number;
  /** largest turn, degrees either way */
  rotate: number;
  /** corners moved by up to this share of the page width */
  perspective?: number;
  /** gaussian blur, pixels */
  blur?: number;
  /** grey levels of noise, peak to peak */
  noise: number;
  /** paper darkened by up to this many grey levels towards an edge */
  background?: number;
  print?: { faint: number } | { heavy: number };
  seal?: boolean;
  /** fax-like: black and white at this grey level */
  binarize?: number;
}

/** The named profiles `pnpm make-scans` writes, from kind to harsh. */
export const SCAN_PROFILES = {
  'clean-300': { dpi: 300, quality: 90, rotate: 0.5, noise: 6 },
  'office-200': { dpi: 200, quality: 75, rotate: 1.2, blur: 0.6, noise: 12 },
  'cheap-150': { dpi: 150, quality: 50, rotate: 1.5, blur: 0.5, noise: 14 },
  'rotated-2.5': { dpi: 200, quality: 70, rotate: 2.5, noise: 10 },
  perspective: { dpi: 200, quality: 75, rotate: 1, perspective: 0.006, noise: 10 },
  blurred: { dpi: 200, quality: 70, rotate: 1, blur: 1.2, noise: 8 },
  noisy: { dpi: 200, quality: 60, rotate: 1, noise: 36 },
  uneven: { dpi: 200, quality: 70, rotate: 1, background: 90, noise: 10 },
  faint: { dpi: 200, quality: 70, rotate: 1, print: { faint: 0.4 }, noise: 10 },
  heavy: { dpi: 200, quality: 70, rotate: 1, print: { heavy: 1 }, noise: 10 },
  seal: { dpi: 200, quality: 75, rotate: 1, seal: true, noise: 10 },
  fax: { dpi: 200, quality: 90, rotate: 1.5, blur: 0.5, noise: 30, binarize: 150 },
} satisfies Record<string, ScanProfile>;

export type ProfileName = keyof typeof SCAN_PROFILES;

/** One page through a profile, in the order a page meets them: printer, stamp, glass, lens, light, sensor. */
async function scanPage(img: Planes, p: ScanProfile, rand: Rand): Promise<Buffer> {
  const angle = (rand() - 0.5) * 2 * p.rotate;
  let page = img;
  if (p.print && 'faint' in p.print) page = faint(page, p.print.faint);
  if (p.print && 'heavy' in p.print) page = heavy(page, p.print.heavy);
  if (p.seal) page = stampSeal(page, p.dpi, rand);
  page = p.perspective
    ? warp(page, angle, p.perspective, rand)
    : { ...page, planes: page.planes.map((data) => rotateGray({ width: page.width, height: page.height, data, scale: 1 }, angle).data) };
  if (p.blur) page = blur(page, p.blur);
  if (p.background) page = unevenBackground(page, p.background, rand);
  page = noise(page, p.noise, rand);
  if (p.binarize) page = binarizePlanes(page, p.binarize);
  return encodePage(page, p.quality, p.binarize !== undefined);
}

/** A PDF of page images, each page the size the image is at its resolution. */
async function writeImagePdf(pages: Array<{ image: Buffer; width: number; height: number }>, dpi: number, target: string): Promise<void> {
  const out = new PDFDocument({ autoFirstPage: false, info: { Title: 'juesuan scanned sample', CreationDate: new Date(Date.UTC(2024, 0, 1)) } });
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((res) => out.on('end', () => res()));
  for (const p of pages) {
    const w = (p.width / dpi) * 72;
    const h = (p.height / dpi) * 72;
    out.addPage({ size: [w, h], margin: 0 });
    out.image(p.image, 0, 0, { width: w, height: h });
  }
  out.end();
  await done;
  writeFileSync(target, Buffer.concat(chunks));
}

/** A seed from a text (profile, file, page): the same scan on every machine and run. */
export function seedOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** Scans `source` through `profile` into `target`; `pages` limits it to some pages (1-based). */
export async function scanPdf(source: string, target: string, profile: ScanProfile, seed: number, pages?: number[]): Promise<number> {
  const doc = await openPdf(new Uint8Array(readFileSync(source)), source);
  const rand = seeded(seed);
  const out = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      if (pages && !pages.includes(n)) continue;
      const grey = await renderPageGray(doc, n, profile.dpi);
      const image = await scanPage({ width: grey.width, height: grey.height, planes: [grey.data] }, profile, rand);
      out.push({ image, width: grey.width, height: grey.height });
    }
  } finally {
    await doc.destroy();
  }
  await writeImagePdf(out, profile.dpi, target);
  return out.length;
}

/** The samples' scans: a small turn and light noise at the given resolution and quality. */
export async function makeScan(source: string, target: string, seed: number, dpi = 200, quality = 75): Promise<void> {
  await scanPdf(source, target, { dpi, quality, rotate: 1, noise: 16 }, seed);
}

/** The profiles the tests read, each a small scan of one sample: <out>/<profile>/<name>. */
export const SAMPLE_PROFILES: ProfileName[] = ['seal', 'perspective', 'fax'];

export async function makeProfileSamples(source: string, out: string, profiles: ProfileName[] = SAMPLE_PROFILES): Promise<void> {
  const name = basename(source);
  for (const profile of profiles) {
    mkdirSync(join(out, profile), { recursive: true });
    await scanPdf(source, join(out, profile, name), SCAN_PROFILES[profile], seedOf(`${profile}:${name}`));
  }
}
