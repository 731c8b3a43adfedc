import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import type { GrayImage } from '../pdf/render-page.ts';
import { otsuThreshold, rotateQuarter } from './image-ops.ts';
import { findGrids, looksSideways, uprightTurns } from './ocr-page.ts';
import { OcrEngine } from './tesseract-pool.ts';

const FONT = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');
GlobalFonts.registerFromPath(FONT, 'UprightTestSans');

const LINES = ['完善信访工作', '制度机制，推', '进信访工作法', '治化建设，提', '升群众满意度'];

/** An upright table of tall cells, as 绩效目标 tables print them: three columns of paragraphs, one line of text per row of characters. */
function tallCellsTable(): GrayImage {
  const [width, height] = [1100, 1500];
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = 'white';
  g.fillRect(0, 0, width, height);
  g.fillStyle = 'black';
  const [xs, ys] = [[100, 400, 700, 1000], [100, 500, 900, 1300]];
  for (const x of xs) g.fillRect(x, ys[0]!, 3, ys[3]! - ys[0]! + 3);
  for (const y of ys) g.fillRect(xs[0]!, y, xs[3]! - xs[0]! + 3, 3);
  g.font = '40px UprightTestSans';
  for (const x of xs.slice(0, 3)) for (const y of ys.slice(0, 3)) LINES.forEach((line, k) => g.fillText(line, x + 20, y + 60 + k * 62));
  const rgba = g.getImageData(0, 0, width, height).data;
  return { width, height, data: new Uint8Array(width * height).map((_, i) => rgba[i * 4]!), scale: 300 / 72 };
}

const gridsAndInk = (img: GrayImage) => findGrids(img, otsuThreshold(img));

describe('a table of tall cells', () => {
  const engine = new OcrEngine(1);
  afterAll(() => engine.close());
  const upright = tallCellsTable();

  it('looks sideways by its cells’ shapes, yet stays upright: it reads best so', async () => {
    const { bin, grids } = gridsAndInk(upright);
    expect(looksSideways(grids)).toBe(true);
    expect(await uprightTurns(upright, bin, grids, engine)).toBe(0);
  }, 120_000);

  it('scanned a quarter turn off, is turned back the other way', async () => {
    const turned = rotateQuarter(upright, 1);
    const { bin, grids } = gridsAndInk(turned);
    expect(await uprightTurns(turned, bin, grids, engine)).toBe(3);
  }, 120_000);
});
