import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../pdf/render-page.ts';
import type { RawPage } from '../pdf/read-pdf-page.ts';
import { buildRuledGrid, rulingComponents } from '../layout/ruled-grid.ts';
import { mergeRulings } from '../pdf/detect-rulings.ts';
import { estimateSkew } from './deskew.ts';
import { detectImageLines } from './detect-image-lines.ts';
import { binarize, otsuThreshold, rotateGray, rotateQuarter } from './image-ops.ts';
import { garbageRatio, needsOcr } from './decide-ocr.ts';
import { looksSideways, rowsFromImage } from './ocr-page.ts';
import { normalizeOcrAmount, restoreYi } from './read-cells.ts';

/** A white page with a 4 × 3 ruled grid and some "text" blobs, at 100 px per inch-ish scale. */
function gridImage(): GrayImage {
  const width = 1200;
  const height = 800;
  const data = new Uint8Array(width * height).fill(250);
  const hline = (y: number, x0: number, x1: number) => {
    for (let t = 0; t < 3; t++) for (let x = x0; x < x1; x++) data[(y + t) * width + x] = 20;
  };
  const vline = (x: number, y0: number, y1: number) => {
    for (let t = 0; t < 3; t++) for (let y = y0; y < y1; y++) data[y * width + x + t] = 20;
  };
  for (const y of [100, 250, 400, 550, 700]) hline(y, 100, 1103);
  for (const x of [100, 500, 800, 1100]) vline(x, 100, 703);
  // a blob of "ink" in one cell, a merged cell's missing border between the last two columns of row 0
  for (let y = 150; y < 190; y++) for (let x = 200; x < 300; x += 3) data[y * width + x] = 30;
  for (let y = 103; y < 250; y++) for (let t = 0; t < 3; t++) data[y * width + 800 + t] = 250;
  return { width, height, data, scale: 100 / 72 };
}

describe('page image geometry', () => {
  it('estimates skew and straightens the page', () => {
    const img = gridImage();
    const turned = rotateGray(img, 1.0);
    const skew = estimateSkew(turned, otsuThreshold(turned));
    expect(Math.abs(Math.abs(skew) - 1.0)).toBeLessThan(0.15);
    const back = rotateGray(turned, -skew);
    expect(Math.abs(estimateSkew(back, otsuThreshold(back)))).toBeLessThan(0.15);
  });

  it('finds the grid lines, merged cells included, on a straightened scan', () => {
    const img = rotateGray(rotateGray(gridImage(), 0.8), -0.8);
    const rulings = mergeRulings(detectImageLines(binarize(img), img.width, img.height, img.scale, 100));
    const grids = rulingComponents(rulings).map((c) => buildRuledGrid(c, [])).filter((g) => g !== null);
    expect(grids).toHaveLength(1);
    const g = grids[0]!;
    expect(g.ys).toHaveLength(5);
    expect(g.xs).toHaveLength(4);
    const merged = g.cells.find((c) => c.row === 0 && c.col === 1)!;
    expect(merged.colSpan).toBe(2);
    expect(g.cells).toHaveLength(4 * 3 - 1);
  });
});

describe('a table scanned sideways', () => {
  const gridsOf = (img: GrayImage) =>
    rulingComponents(mergeRulings(detectImageLines(binarize(img), img.width, img.height, img.scale, 100)))
      .map((c) => buildRuledGrid(c, []))
      .filter((g) => g !== null);

  it('turns an image by quarter turns exactly, and back', () => {
    const img = gridImage();
    const once = rotateQuarter(img, 1);
    expect([once.width, once.height]).toEqual([img.height, img.width]);
    // the top-left corner goes to the top-right
    expect(once.data[0 * once.width + (once.width - 1 - 150)]).toBe(img.data[150 * img.width + 0]);
    expect(rotateQuarter(once, 3).data).toEqual(img.data);
    expect(rotateQuarter(rotateQuarter(img, 2), 2).data).toEqual(img.data);
  });

  it('is told by its cells standing taller than wide', () => {
    // a table of many one-line rows, as reports print them
    const width = 900;
    const height = 700;
    const data = new Uint8Array(width * height).fill(250);
    for (let k = 0; k <= 12; k++) for (let t = 0; t < 3; t++) for (let x = 100; x < 803; x++) data[(100 + k * 40 + t) * width + x] = 20;
    for (const x of [100, 300, 500, 800]) for (let t = 0; t < 3; t++) for (let y = 100; y < 583; y++) data[y * width + x + t] = 20;
    const upright: GrayImage = { width, height, data, scale: 100 / 72 };
    expect(looksSideways(gridsOf(upright))).toBe(false);
    expect(looksSideways(gridsOf(rotateQuarter(upright, 1)))).toBe(true);
  });
});

describe('a table ruled only down, in a frame', () => {
  it('gets its row lines from the text lines on the image, a wrapped name kept in its row', () => {
    const width = 900;
    const height = 600;
    const bin = new Uint8Array(width * height);
    const box = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) bin[y * width + x] = 1;
    };
    const scale = 1; // a pixel a point
    // the frame and three column lines
    for (const y of [100, 500]) box(100, y, 800, y + 2);
    for (const x of [100, 300, 550, 800]) box(x, 100, x + 2, 502);
    // five rows of text 20 high, 60 apart; row 3 has its name wrapped onto a second line 6 below
    for (let k = 0; k < 5; k++) {
      const y = 130 + k * 60;
      box(120, y, 250, y + 20);
      box(600, y, 780, y + 20);
    }
    box(120, 276, 200, 296);
    const grid = { xs: [100, 300, 550, 800], ys: [100, 500], bbox: { x0: 100, y0: 100, x1: 800, y1: 500 } };
    const rows = rowsFromImage(bin, width, grid, scale);
    // the frame's own lines come back with the rows' (merged with it later)
    expect(rows.map((r) => Math.round(r.at))).toEqual([100, 170, 230, 303, 350, 500]);
    expect(rows.every((r) => r.orientation === 'h' && r.from === 100 && r.to === 800)).toBe(true);
    // a grid already ruled across is left alone
    expect(rowsFromImage(bin, width, { ...grid, ys: [100, 160, 220, 280, 340, 400, 500] }, scale)).toEqual([]);
  });
});

describe('when to OCR', () => {
  const page = (text: string, imageCoverage: number): RawPage => ({
    number: 1,
    width: 595,
    height: 842,
    runs: text ? [{ text, bbox: { x0: 0, y0: 0, x1: 10, y1: 10 }, fontSize: 10, fontName: 'f', direction: 'ltr' }] : [],
    rulings: [],
    imageCoverage,
    source: 'text',
  });
  it('reads image-only and garbage pages from the image, text pages from their text', () => {
    expect(needsOcr(page('', 1), 'auto')).toBe(true);
    expect(needsOcr(page('\ue001\ue002\ue003\ue004\ue005\ue006', 0), 'auto')).toBe(true);
    expect(needsOcr(page('收入支出决算总表 单位：万元 合计 2,946.25', 0), 'auto')).toBe(false);
    expect(needsOcr(page('收入支出决算总表', 0), 'always')).toBe(true);
    expect(needsOcr(page('', 1), 'never')).toBe(false);
    expect(garbageRatio('Ã¦Â\u0094Â¶å\u0085¥')).toBeGreaterThan(0.3);
    // glyph ids of a font without a Unicode map, as a text layer gives them
    expect(garbageRatio('#$\u000e\u000f\u001c\u001dhńŅK\u00101#$Ùĉ01#$K\u0010')).toBeGreaterThan(0.5);
    expect(garbageRatio('2024年度收入支出决算总表（公开01表）单位：万元 PPP项目 50% (1)-[2]')).toBe(0);
    // glyph ids of an Identity-H font read as code points: stray scripts and rare ideographs
    expect(garbageRatio('㇇㺘ߣޕ᭦অս˖зݳ亩ⴞᵜᒤ᭦ޕਸ䇑䍒᭯ᤘⅮ᭦')).toBeGreaterThan(0.5);
    expect(garbageRatio('“三公”经费 ≤ 5% ①因公出国（境）费 × 2 ℃ — ■ 一、')).toBe(0);
  });
  it('restores the thin 一 that OCR reads as a dash or loses', () => {
    expect(restoreYi('-般公共预算')).toBe('一般公共预算');
    expect(restoreYi('、一般公共服务支出')).toBe('一、一般公共服务支出');
    expect(restoreYi('2023-2024')).toBe('2023-2024');
  });
  it('reads OCR thousands marks as thousands', () => {
    expect(normalizeOcrAmount('2.112.86')).toBe('2,112.86');
    expect(normalizeOcrAmount('1,511.89')).toBe('1,511.89');
    // a slanted rule's edge read as a mark after the decimals
    expect(normalizeOcrAmount('24.00,')).toBe('24.00');
    expect(normalizeOcrAmount('1,024.00.')).toBe('1,024.00');
    expect(normalizeOcrAmount('371.514.655.00')).toBe('371,514,655.00');
    expect(normalizeOcrAmount('16,19')).toBe('16.19');
    expect(normalizeOcrAmount('0.94')).toBe('0.94');
    expect(normalizeOcrAmount('4545,000.00')).toBe('4,545,000.00');
    expect(normalizeOcrAmount('201')).toBe('201');
    // a closing parenthesis nothing opened is a stroke misread; a negative's parentheses stay
    expect(normalizeOcrAmount('30.04)')).toBe('30.04');
    expect(normalizeOcrAmount('1.511,89)')).toBe('1,511.89');
    expect(normalizeOcrAmount('(1,511.89)')).toBe('(1,511.89)');
    expect(normalizeOcrAmount('(16,19)')).toBe('(16.19)');
  });
});
