import type { Ruling, TextRun } from '@juesuan/model';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { mergeRulings } from '../pdf/detect-rulings.ts';
import type { RawPage } from '../pdf/read-pdf-page.ts';
import type { GrayImage } from '../pdf/render-page.ts';
import { renderPageGray } from '../pdf/render-page.ts';
import { buildRuledGrid, rulingComponents } from '../layout/ruled-grid.ts';
import { joinPieces, normalizeCjkSpacing } from '../layout/cjk-text.ts';
import { estimateSkew } from './deskew.ts';
import { detectImageLines } from './detect-image-lines.ts';
import type { Rect } from './image-ops.ts';
import { binarize, inkIn, otsuThreshold, rotateGray, textLineBands, toPgm } from './image-ops.ts';
import type { OcrEngine } from './tesseract-pool.ts';

export interface OcrPageOptions {
  dpi?: number;
  engine: OcrEngine;
}

const AMOUNT_CHARS = '0123456789.,-()';
const AMOUNT_LIKE = /^[-(]?\d[\d,.]*\)?$/;

/**
 * OCR reads a thousands comma as a point now and then ("2.112.86"): groups of three digits
 * before a final two-digit group are thousands, whatever the mark.
 */
export function normalizeOcrAmount(text: string): string {
  const t = text.replace(/\s+/g, '');
  const m = /^([-(]?)(\d{1,3}(?:[.,]\d{3})+)[.,](\d{1,2})(\)?)$/.exec(t);
  if (m) return `${m[1]}${m[2]!.replace(/[.,]/g, ',')}.${m[3]}${m[4]}`;
  const plain = /^([-(]?)(\d+),(\d{2})(\)?)$/.exec(t); // "16,19" → decimal comma
  if (plain) return `${plain[1]}${plain[2]}.${plain[3]}${plain[4]}`;
  return t;
}

interface CellJob {
  rect: Rect; // pixels, inside the borders
  lines: number;
}

async function recognizeCell(img: GrayImage, job: CellJob, engine: OcrEngine): Promise<{ text: string; confidence: number }> {
  const image = toPgm(img, job.rect, job.rect.y1 - job.rect.y0 < 40 ? 2 : 1);
  if (job.lines <= 1) {
    const digits = await engine.recognize(image, { lang: 'eng', psm: 7, whitelist: AMOUNT_CHARS });
    const t = digits.text.replace(/\s+/g, '');
    if (AMOUNT_LIKE.test(t) && digits.confidence >= 0.55) return { text: normalizeOcrAmount(t), confidence: digits.confidence };
  }
  const chinese = await engine.recognize(image, { lang: 'chi_sim', psm: job.lines <= 1 ? 7 : 6 });
  const text = chinese.text
    .split('\n')
    .map((l) => normalizeCjkSpacing(l.trim()))
    .filter((l) => l !== '')
    .reduce((acc, l) => joinPieces(acc, l, true), '');
  return { text: AMOUNT_LIKE.test(text.replace(/\s+/g, '')) ? normalizeOcrAmount(text) : text, confidence: chinese.confidence };
}

/**
 * A scanned or image-only page: render, straighten, find the table grid on the image, then read
 * each cell (amounts with a digit whitelist, one line; names in Chinese) and the text around
 * the tables from word boxes. The result has the shape of a text-layer page, so layout,
 * parsing and loading need nothing else.
 */
export async function ocrPage(doc: PDFDocumentProxy, number: number, options: OcrPageOptions): Promise<RawPage> {
  const raw = await renderPageGray(doc, number, options.dpi ?? 300);
  const threshold = otsuThreshold(raw);
  const skew = estimateSkew(raw, threshold);
  const img = rotateGray(raw, -skew);
  const bin = binarize(img, threshold);
  const scale = img.scale;
  const rulings: Ruling[] = mergeRulings(detectImageLines(bin, img.width, img.height, scale));
  const grids = rulingComponents(rulings)
    .map((c) => buildRuledGrid(c, []))
    .filter((g): g is NonNullable<typeof g> => g !== null && g.bbox.x1 - g.bbox.x0 > 50 && g.bbox.y1 - g.bbox.y0 > 15);

  const runs: TextRun[] = [];
  const jobs: Array<Promise<void>> = [];
  for (const grid of grids) {
    for (const cell of grid.cells) {
      // inside the borders: a few pixels off every line
      const inset = Math.max(4, Math.round(scale * 1.5));
      const rect = { x0: cell.bbox.x0 * scale + inset, y0: cell.bbox.y0 * scale + inset, x1: cell.bbox.x1 * scale - inset, y1: cell.bbox.y1 * scale - inset };
      if (rect.x1 - rect.x0 < 4 || rect.y1 - rect.y0 < 4) continue;
      const ink = inkIn(bin, img.width, rect);
      if (ink.count < 25 || !ink.box || ink.box.x1 - ink.box.x0 < 3) continue; // blank, or specks
      const box = { x0: Math.max(rect.x0, ink.box.x0 - 6), y0: Math.max(rect.y0, ink.box.y0 - 6), x1: Math.min(rect.x1, ink.box.x1 + 6), y1: Math.min(rect.y1, ink.box.y1 + 6) };
      const lines = textLineBands(bin, img.width, box).length;
      jobs.push(
        recognizeCell(img, { rect: box, lines }, options.engine).then((r) => {
          if (r.text === '') return;
          runs.push({
            text: r.text,
            bbox: { x0: box.x0 / scale, y0: box.y0 / scale, x1: box.x1 / scale, y1: box.y1 / scale },
            fontSize: Math.max(6, (box.y1 - box.y0) / scale / Math.max(1, lines)),
            fontName: 'ocr',
            direction: 'ltr',
            source: 'ocr',
            confidence: Math.max(0, Math.min(1, r.confidence)),
          });
        }),
      );
    }
  }

  // the rest of the page (titles, unit lines, headings, narrative) from word boxes, tables blanked out
  const rest = { ...img, data: Uint8Array.from(img.data) };
  for (const g of grids) {
    for (let y = Math.max(0, Math.floor(g.bbox.y0 * scale) - 3); y < Math.min(img.height, Math.ceil(g.bbox.y1 * scale) + 3); y++) {
      rest.data.fill(255, y * img.width + Math.max(0, Math.floor(g.bbox.x0 * scale) - 3), y * img.width + Math.min(img.width, Math.ceil(g.bbox.x1 * scale) + 3));
    }
  }
  const restInk = inkIn(binarize(rest, threshold), img.width, { x0: 0, y0: 0, x1: img.width, y1: img.height });
  if (restInk.count > 200 && restInk.box) {
    jobs.push(
      options.engine.recognize(toPgm(rest, restInk.box), { lang: 'chi_sim', psm: 3, words: true }).then((r) => {
        const pad = 8; // toPgm's margin
        const byLine = new Map<string, typeof r.words>();
        for (const w of r.words) byLine.set(w.line, [...(byLine.get(w.line) ?? []), w]);
        for (const words of byLine.values()) {
          words.sort((a, b) => a.left - b.left);
          const text = normalizeCjkSpacing(words.reduce((acc, w) => joinPieces(acc, w.text, true), ''));
          if (text.trim() === '') continue;
          const x0 = Math.min(...words.map((w) => w.left)) - pad + restInk.box!.x0;
          const y0 = Math.min(...words.map((w) => w.top)) - pad + restInk.box!.y0;
          const x1 = Math.max(...words.map((w) => w.left + w.width)) - pad + restInk.box!.x0;
          const y1 = Math.max(...words.map((w) => w.top + w.height)) - pad + restInk.box!.y0;
          runs.push({
            text,
            bbox: { x0: x0 / scale, y0: y0 / scale, x1: x1 / scale, y1: y1 / scale },
            fontSize: Math.max(6, (y1 - y0) / scale),
            fontName: 'ocr',
            direction: 'ltr',
            source: 'ocr',
            confidence: Math.max(0, Math.min(1, words.reduce((s, w) => s + w.conf, 0) / words.length / 100)),
          });
        }
      }),
    );
  }
  await Promise.all(jobs);
  return { number, width: img.width / scale, height: img.height / scale, runs, rulings, imageCoverage: 1, source: 'ocr' };
}
