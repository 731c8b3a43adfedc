import { describe, expect, it } from 'vitest';
import { flattenPaper } from './flatten-paper.ts';
import { binarize, faintInkThreshold, greyHistogram, otsuThreshold } from './image-ops.ts';

const SCALE = 200 / 72;

/**
 * An A4 page across at 200 dpi, little of it ink as on a report's page: paper 250, a short table atop it (a
 * grid of 2 px lines every 80 px down and 300 px across, thin strokes of ink (30) like digits in
 * each cell) and a bold block 30 px square below; `shade` darkens
 * it multiplicatively (1 = unlit), as the light of a scanner does. Also the ink mask it was drawn from.
 */
function page(shade: (x: number, y: number) => number) {
  const width = 2339;
  const height = 1654;
  const ink = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const table = y < 162;
      const rule = table && (y % 80 < 2 || x % 300 < 2);
      const stroke = table && y % 80 >= 30 && y % 80 < 50 && x % 300 >= 220 && x % 300 < 280 && x % 8 < 2;
      const bold = x >= 900 && x < 930 && y >= 900 && y < 930;
      ink[y * width + x] = rule || stroke || bold ? 1 : 0;
    }
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = Math.round((ink[y * width + x] ? 30 : 250) * shade(x, y));
  return { img: { width, height, data, scale: SCALE }, ink };
}

/** Dark towards the right edge by up to 90 grey levels and in a soft blotch, as `pnpm make-scans`' uneven profile. */
const uneven = (x: number, y: number) => {
  const edge = Math.max(0, 1 - (2338 - x) / 820) ** 2;
  const blotch = Math.exp(-((x - 600) ** 2 + (y - 1000) ** 2) / 600 ** 2);
  return 1 - (90 / 255) * Math.min(1, edge + 0.6 * blotch);
};

const wrong = (bin: Uint8Array, ink: Uint8Array) => bin.reduce((n, v, i) => n + (v === ink[i] ? 0 : 1), 0);

describe('flattenPaper', () => {
  it('makes one threshold split ink from paper again on an unevenly lit page', () => {
    const { img, ink } = page(uneven);
    // as scanned, one threshold for the page parts the paper's two tones: the shaded paper reads as ink
    expect(wrong(binarize(img), ink)).toBeGreaterThan(img.data.length / 10);
    // the levels it returns are the evened page's
    expect([...flattenPaper(img)!]).toEqual([...greyHistogram(img.data)]);
    expect(wrong(binarize(img), ink)).toBe(0);
    // and the grey fringe of a stroke (halfway to white) is not the paper
    expect(wrong(binarize(img, faintInkThreshold(otsuThreshold(img))), ink)).toBe(0);
    // the paper near one tone again (within 25 grey levels, not 90), the ink as dark as where the light was even
    expect(img.data.every((v, i) => (ink[i] ? v <= 40 : v >= 225))).toBe(true);
  });

  it('leaves an evenly lit page as it is', () => {
    const { img } = page(() => 1);
    const before = Uint8Array.from(img.data);
    expect(flattenPaper(img)).toBeNull();
    expect(img.data.every((v, i) => v === before[i])).toBe(true);
  });
});
