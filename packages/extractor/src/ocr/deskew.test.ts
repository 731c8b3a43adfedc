import { describe, expect, it } from 'vitest';
import { inkPoints } from './deskew.ts';

describe('the ink points a skew is estimated from', () => {
  /** The definition: the view's pixels row by row, each at or below the threshold a centred point. */
  function byDefinition(data: Uint8Array, width: number, height: number, threshold: number, turned: boolean, half?: 0 | 1): { points: number[][]; h: number } {
    const across = turned ? height : width;
    const down = turned ? width : height;
    const [from, to] = half === undefined ? [0, across] : half === 0 ? [0, Math.floor(across / 2)] : [Math.floor(across / 2), across];
    const f = Math.max(1, Math.round((to - from) / 900));
    const [w, h] = [Math.floor((to - from) / f), Math.floor(down / f)];
    const out: number[][] = [];
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const [u, v] = [from + x * f, y * f];
        if (data[turned ? (height - 1 - u) * width + v : v * width + u]! <= threshold) out.push([x - w / 2, y - h / 2]);
      }
    return { points: out.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!), h };
  }
  const sorted = (xy: Float64Array) => Array.from({ length: xy.length / 2 }, (_, k) => [xy[2 * k]!, xy[2 * k + 1]!]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);

  it('are the view’s pixels at or below the threshold, turned or not, whole or half, reduced or not', () => {
    for (const [width, height] of [[1000, 37], [2100, 1900], [45, 2000]] as const) {
      const data = Uint8Array.from({ length: width * height }, (_, i) => (i * 7919 + (i >> 5)) % 256);
      for (const turned of [false, true])
        for (const half of [undefined, 0, 1] as const) {
          const { xy, h } = inkPoints({ width, height, data, scale: 1 }, 40, turned, half);
          const want = byDefinition(data, width, height, 40, turned, half);
          // in any order: the row profile counts them
          expect(sorted(xy)).toEqual(want.points);
          expect(h).toBe(want.h);
        }
    }
  });
});
