import { describe, expect, it } from 'vitest';
import { binarize, drawEnlarged, faintInkThreshold, greyHistogram, halveGray, inkIn, inkWords, isBilevel, narrowPgm, otsuThreshold, remapProjective, textLineBands, strokesFiltered, withoutRuleResidue } from './image-ops.ts';

/**
 * A cell of a blurred scan, ruled 10..310 across and 10..100 down: each rule 7 px dark with 2 px
 * of grey halo either side; the bottom rule slants 3 px over the width (a page turned a little),
 * so at the left its top edge stands inside the cell's inset region. `stem` draws a digit's stem.
 */
function blurredCell(stem?: { x0: number; x1: number }) {
  const width = 320;
  const height = 120;
  const data = new Uint8Array(width * height).fill(250);
  const paint = (x: number, y: number, v: number) => {
    if (x >= 0 && y >= 0 && x < width && y < height) data[y * width + x] = Math.min(data[y * width + x]!, v);
  };
  const hRule = (centre: (x: number) => number) => {
    for (let x = 0; x < width; x++) for (let d = -5; d <= 5; d++) paint(x, Math.round(centre(x)) + d, Math.abs(d) <= 3 ? 30 : Math.abs(d) === 4 ? 160 : 210);
  };
  const vRule = (cx: number) => {
    for (let y = 0; y < height; y++) for (let d = -5; d <= 5; d++) paint(cx + d, y, Math.abs(d) <= 3 ? 30 : Math.abs(d) === 4 ? 160 : 210);
  };
  hRule(() => 10);
  hRule((x) => 93 + (3 * x) / width);
  vRule(10);
  vRule(310);
  if (stem) for (let y = 40; y < 68; y++) for (let x = stem.x0; x < stem.x1; x++) paint(x, y, 30);
  return { width, height, data, scale: 300 / 72 };
}

const INSET = 6;
/** The ink threshold of such a page: the rules' and the stem's 30 ink, the halo not. */
const INK = 100;
const cellRect = { x0: 10 + INSET, y0: 10 + INSET, x1: 310 - INSET, y1: 100 - INSET };

describe('a cell cut past the rules left at its edges', () => {
  it('leaves an empty cell of a blurred, slanted scan with no ink to read (the rule’s tail read as 一 or E)', () => {
    const img = blurredCell();
    const t = INK;
    const bin = binarize(img, t);
    // the inset alone keeps the slanted rule's tail and its halo
    expect(inkIn(bin, img.width, cellRect).count).toBeGreaterThan(25);
    const cut = withoutRuleResidue(binarize(img, faintInkThreshold(t)), img.width, cellRect, INSET);
    expect(inkIn(bin, img.width, cut).count).toBe(0);
    expect(cut.y1).toBeGreaterThan(cellRect.y1 - INSET);
  });

  it('keeps a digit’s stem that stands close to the rule, and the whole of a text line', () => {
    const img = blurredCell({ x0: 297, x1: 305 });
    const t = INK;
    // the stem touches the rule's halo, which the faint threshold counts as ink
    expect(faintInkThreshold(t)).toBeGreaterThan(160);
    const cut = withoutRuleResidue(binarize(img, faintInkThreshold(t)), img.width, cellRect, INSET);
    expect(cut.x1).toBe(cellRect.x1);
    expect(inkIn(binarize(img, t), img.width, cut).count).toBe(7 * 28);
  });
});

describe('the ink threshold', () => {
  it('splits a black-and-white scan in the middle, so a straightened rule’s grey edge stays ink', () => {
    // a fax: only black and white; turning it a little makes the edges of its rules grey
    const data = new Uint8Array(100 * 100).fill(255);
    data.fill(0, 0, 500);
    const t = otsuThreshold({ width: 100, height: 100, data, scale: 1 });
    expect(t).toBe(127);
    expect(binarize({ width: 1, height: 1, data: Uint8Array.of(100), scale: 1 }, t)[0]).toBe(1);
  });

  it('keeps Otsu’s level on a grey scan', () => {
    // paper about 240 and ink about 40, each spread over levels: the split falls between them
    const data = Uint8Array.from({ length: 10000 }, (_, i) => (i % 10 === 0 ? 30 + (i % 21) : 230 + (i % 21)));
    const t = otsuThreshold({ width: 100, height: 100, data, scale: 1 });
    expect(t).toBeGreaterThanOrEqual(50);
    expect(t).toBeLessThan(230);
  });
});

describe('a black-and-white page', () => {
  it('is told from a grey scan by its pixels at two levels', () => {
    const fax = new Uint8Array(10000).fill(255).fill(0, 0, 700);
    expect(isBilevel({ width: 100, height: 100, data: fax, scale: 1 })).toBe(true);
    // a grey scan: ink and paper spread over levels
    const grey = Uint8Array.from({ length: 10000 }, (_, i) => (i % 10 === 0 ? 30 + (i % 21) : 230 + (i % 21)));
    expect(isBilevel({ width: 100, height: 100, data: grey, scale: 1 })).toBe(false);
  });
});

describe('a page counted and split by grey level', () => {
  // a length that is no multiple of four, every level present, runs of one level (a fax's paper)
  const data = new Uint8Array(1031).map((_, i) => (i < 400 ? 255 : (i * 37) % 256));

  it('counts every pixel at its level, as one count a pixel would', () => {
    const naive = new Array<number>(256).fill(0);
    for (const v of data) naive[v]!++;
    expect([...greyHistogram(data)]).toEqual(naive);
  });

  it('marks as ink every pixel at or below the threshold, a fractional one too', () => {
    const img = { width: data.length, height: 1, data, scale: 1 };
    for (const t of [-1, 0, 127, 127.5, 254, 255]) expect([...binarize(img, t)]).toEqual([...data].map((v) => (v <= t ? 1 : 0)));
  });

  it('marks ink four pixels a word as one a pixel would, at every level and threshold, aligned or not', () => {
    // every level in every byte of a word
    const levels = Uint8Array.from({ length: 1024 + 7 }, (_, i) => (i * 5 + (i >> 8)) % 256);
    for (let t = -2; t <= 257; t++)
      for (const from of [0, 1, 3]) {
        const img = { width: levels.length - from, height: 1, data: levels.subarray(from), scale: 1 };
        expect([...binarize(img, t)]).toEqual([...img.data].map((v) => (v <= t ? 1 : 0)));
      }
    const out = new Uint32Array(256);
    for (let t = 0; t <= 255; t++) {
      inkWords(new Uint32Array(levels.buffer, 0, 256), out, t);
      expect([...new Uint8Array(out.buffer)]).toEqual([...levels.subarray(0, 1024)].map((v) => (v <= t ? 1 : 0)));
    }
  });
});

describe('an image remapped', () => {
  /** The definition: each pixel between the source's four nearest its map falls among, white outside. */
  function byDefinition(img: { width: number; height: number; data: Uint8Array }, h: number[]): Uint8Array {
    const { width: w, height: ht, data: src } = img;
    const out = new Uint8Array(w * ht).fill(255);
    for (let y = 0; y < ht; y++)
      for (let x = 0; x < w; x++) {
        const d = h[6]! * x + h[7]! * y + 1;
        let [sx, sy] = [h[0]! * x + h[1]! * y + h[2]!, h[3]! * x + h[4]! * y + h[5]!];
        if (h[6] !== 0 || h[7] !== 0) [sx, sy] = [sx / d, sy / d];
        const [x0, y0] = [Math.floor(sx), Math.floor(sy)];
        if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= ht) continue;
        const [fx, fy] = [sx - x0, sy - y0];
        const at = (c: number, r: number) => src[r * w + c]!;
        out[y * w + x] = (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) + (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
      }
    return out;
  }

  it('samples each pixel as the definition does, to the last bit: turned, sheared, projected, moved off the edges', () => {
    const img = { width: 131, height: 97, data: Uint8Array.from({ length: 131 * 97 }, (_, i) => (i * 151 + (i >> 4)) % 256) };
    const turn = (deg: number) => {
      const [c, s, cx, cy] = [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180), img.width / 2, img.height / 2];
      return [c, -s, cx - c * cx + s * cy, s, c, cy - s * cx - c * cy, 0, 0];
    };
    for (const h of [turn(0.4), turn(-2.95), turn(30), [1, 0.013, -0.6, 0, 1, 0, 0, 0], [1, 0, 5.5, 0, 1, -7.25, 0, 0], [1.01, 0.002, -3, 0.001, 0.99, 4, 1e-4, -2e-4]])
      expect(remapProjective(img, h)).toEqual(byDefinition(img, h));
  });
});

describe('text lines found by their rows of ink', () => {
  it('are the bands of rows with at least minInk ink pixels, each row counted whole by definition', () => {
    const [width, height] = [300, 200];
    const bin = Uint8Array.from({ length: width * height }, (_, i) => (Math.floor(i / width) % 17 < 9 && (i * 31) % 7 < 2 ? 1 : 0));
    const byDefinition = (r: { x0: number; y0: number; x1: number; y1: number }, minInk: number) => {
      const bands: Array<[number, number]> = [];
      let start = -1;
      for (let y = Math.floor(r.y0); y < Math.ceil(r.y1); y++) {
        let ink = 0;
        for (let x = Math.floor(r.x0); x < Math.ceil(r.x1); x++) ink += bin[y * width + x]!;
        if (ink >= minInk && start < 0) start = y;
        if (ink < minInk && start >= 0) (bands.push([start, y]), (start = -1));
      }
      if (start >= 0) bands.push([start, Math.ceil(r.y1)]);
      return bands.filter(([a, b]) => b - a >= 4);
    };
    for (const r of [{ x0: 0, y0: 0, x1: width, y1: height }, { x0: 10.5, y0: 3.2, x1: 40.7, y1: 190 }, { x0: 100, y0: 50, x1: 103, y1: 120 }])
      for (const minInk of [0, 1, 2, 3, 9]) expect(textLineBands(bin, width, r, minInk)).toEqual(byDefinition(r, minInk));
  });
});

describe('an image halved', () => {
  it('takes each pixel as the mean of four, and its scale with it', () => {
    // 5×3: the odd last column and row fall away
    const data = Uint8Array.from([0, 255, 100, 100, 7, 255, 0, 100, 101, 7, 9, 9, 9, 9, 9]);
    expect(halveGray({ width: 5, height: 3, data, scale: 4 })).toEqual({ width: 2, height: 1, data: Uint8Array.from([128, 100]), scale: 2 });
  });
});

describe('an image drawn narrower', () => {
  const pgm = (w: number, h: number, px: number[]) => Buffer.concat([Buffer.from(`P5\n${w} ${h}\n255\n`, 'latin1'), Uint8Array.from(px)]);

  it('takes each pixel as the mean of those it covers, its height kept', () => {
    // 5 wide to 4: each new pixel covers 1.25 old ones
    const out = narrowPgm(pgm(5, 2, [0, 0, 200, 200, 100, 100, 100, 100, 100, 100]), 0.8);
    expect(out.toString('latin1', 0, 11)).toBe('P5\n4 2\n255\n');
    expect([...out.subarray(11)]).toEqual([0, 80, 200, 120, 100, 100, 100, 100]);
  });

  it('draws each pixel as the straightforward sum over the columns it covers would, at any width', () => {
    const reference = (px: Uint8Array, W: number, H: number, w: number) => {
      const step = W / w;
      const out: number[] = [];
      for (let y = 0; y < H; y++)
        for (let x = 0; x < w; x++) {
          const [a, b] = [x * step, (x + 1) * step];
          let sum = 0;
          for (let c = Math.floor(a); c < Math.min(W, Math.ceil(b)); c++) sum += (Math.min(b, c + 1) - Math.max(a, c)) * px[y * W + c]!;
          out.push(Math.round(sum / step));
        }
      return out;
    };
    for (const [W, share] of [[5, 0.8], [97, 0.8], [240, 0.37], [13, 0.5], [1001, 0.81]] as const) {
      const px = Uint8Array.from({ length: W * 3 }, (_, i) => (i * 89 + (i >> 3)) % 256);
      const w = Math.max(1, Math.round(W * share));
      expect([...narrowPgm(pgm(W, 3, [...px]), share).subarray(`P5\n${w} 3\n255\n`.length)]).toEqual(reference(px, W, 3, w));
    }
  });

  it('is the image itself at its whole width, or where no column would go', () => {
    const img = pgm(3, 1, [0, 128, 255]);
    expect(narrowPgm(img, 1)).toBe(img);
    expect(narrowPgm(img, 0.9)).toBe(img);
  });
});

describe('a region drawn larger', () => {
  it('passes from ink to paper through greys, as a scan of larger print would, not in blocks', () => {
    // one row: ink, ink, paper, paper; drawn twice as large
    const img = { width: 4, height: 1, data: Uint8Array.from([0, 0, 200, 200]), scale: 1 };
    const out = new Uint8Array(8 * 2);
    drawEnlarged(img, { x0: 0, y0: 0, w: 4, h: 1 }, 2, out, 8, { left: 0, top: 0 });
    expect([...out.subarray(0, 8)]).toEqual([0, 0, 0, 50, 150, 200, 200, 200]);
    expect([...out.subarray(8)]).toEqual([...out.subarray(0, 8)]);
    // twice and three times, a region inside a larger image, levels mapped: each pixel between its four nearest, as one at a time would
    const big = { width: 23, height: 11, data: Uint8Array.from({ length: 23 * 11 }, (_, i) => (i * 53) % 256), scale: 1 };
    const tones = Uint8Array.from({ length: 256 }, (_, v) => 255 - v);
    for (const up of [2, 3])
      for (const map of [undefined, tones]) {
        const box = { x0: 3, y0: 2, w: 17, h: 7 };
        const drawn = new Uint8Array(60 * 30);
        drawEnlarged(big, box, up, drawn, 60, { left: 2, top: 1 }, map);
        const near = (i: number, n: number) => Math.min(n - 1, Math.max(0, (i + 0.5) / up - 0.5));
        for (let y = 0; y < box.h * up; y++)
          for (let x = 0; x < box.w * up; x++) {
            const [sx, sy] = [near(x, box.w), near(y, box.h)];
            const [xa, ya] = [Math.floor(sx), Math.floor(sy)];
            const [xb, yb] = [Math.min(box.w - 1, xa + 1), Math.min(box.h - 1, ya + 1)];
            const px = (c: number, r: number) => big.data[(box.y0 + r) * big.width + box.x0 + c]!;
            const top = px(xa, ya) + (px(xb, ya) - px(xa, ya)) * (sx - xa);
            const bottom = px(xa, yb) + (px(xb, yb) - px(xa, yb)) * (sx - xa);
            const v = Math.round(top + (bottom - top) * (sy - ya));
            expect(drawn[(1 + y) * 60 + 2 + x]).toBe(map ? map[v] : v);
          }
      }
    // once: the region as it is
    const same = new Uint8Array(4);
    drawEnlarged(img, { x0: 0, y0: 0, w: 4, h: 1 }, 1, same, 4, { left: 0, top: 0 });
    expect([...same]).toEqual([0, 0, 200, 200]);
  });
});

describe('strokesFiltered', () => {
  /** The definition: each pixel the extreme of its 3×3 neighbours inside the image. */
  function byNeighbours(data: Uint8Array, w: number, h: number, pick: (a: number, b: number) => number): number[] {
    const out: number[] = [];
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        let v = data[y * w + x]!;
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) if (y + dy >= 0 && y + dy < h && x + dx >= 0 && x + dx < w) v = pick(v, data[(y + dy) * w + x + dx]!);
        out.push(v);
      }
    return out;
  }

  it('sets each pixel to the darkest or lightest of its 3×3 neighbours, edges included', () => {
    const [w, h] = [13, 7];
    let seed = 7;
    const data = Uint8Array.from({ length: w * h }, () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256);
    const img = { width: w, height: h, data, scale: 1 };
    expect([...strokesFiltered(img, 'thicker').data]).toEqual(byNeighbours(data, w, h, Math.min));
    expect([...strokesFiltered(img, 'thinner').data]).toEqual(byNeighbours(data, w, h, Math.max));
  });

  it('filters only within a region where given, the same there as over the whole image', () => {
    const [w, h] = [13, 9];
    let seed = 11;
    const data = Uint8Array.from({ length: w * h }, () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256);
    const img = { width: w, height: h, data, scale: 1 };
    const whole = strokesFiltered(img, 'thicker').data;
    const part = strokesFiltered(img, 'thicker', { x0: 2, y0: 3, x1: 9, y1: 7 }).data;
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) expect(part[y * w + x]).toBe(x >= 2 && x < 9 && y >= 3 && y < 7 ? whole[y * w + x] : data[y * w + x]);
  });

  it('grows a one-pixel stroke to three and takes a one-pixel stroke away', () => {
    const data = new Uint8Array(25).fill(255);
    data[12] = 0;
    const thick = strokesFiltered({ width: 5, height: 5, data, scale: 1 }, 'thicker').data;
    expect([...thick].filter((v) => v === 0)).toHaveLength(9);
    expect([...strokesFiltered({ width: 5, height: 5, data, scale: 1 }, 'thinner').data].every((v) => v === 255)).toBe(true);
  });
});
