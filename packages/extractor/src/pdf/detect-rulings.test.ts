import { describe, expect, it } from 'vitest';
import type { Ruling } from '@juesuan/model';
import { mergeRulings, rectangleRuling } from './detect-rulings.ts';

const v = (at: number, from: number, to: number): Ruling => ({ orientation: 'v', at, from, to });

describe('mergeRulings', () => {
  it('joins the pieces of a slightly slanted line, though its ends lie more than a point apart', () => {
    // a scanned column line found in pieces drifting from 335.9 to 337.0 (as on a fax page's header row)
    const merged = mergeRulings([v(335.9, 578.9, 763.2), v(336.8, 121.7, 136.1), v(336.8, 313, 504), v(337.0, 136.1, 313)]);
    expect(merged.map((r) => [r.from, r.to])).toEqual([
      [121.7, 504],
      [578.9, 763.2],
    ]);
    expect(merged[0]!.at).toBeCloseTo(336.6, 1);
  });

  it('keeps lines more than a point apart apart, and joins only pieces that touch', () => {
    const merged = mergeRulings([v(100, 0, 50), v(101.5, 0, 50), v(100.2, 60, 90)]);
    expect(merged.map((r) => [r.at, r.from, r.to])).toEqual([
      [100.1, 0, 50],
      [100.1, 60, 90],
      [101.5, 0, 50],
    ]);
  });

  it('takes parallel pieces within the distance it is given for one line: a heavy rule on a scan, found at both its edges', () => {
    // a column line printed heavy: found whole at 42.1 and in pieces along its other edge at 43.8
    const pieces = [v(42.1, 86.9, 681.6), v(43.8, 295.7, 343.7), v(43.8, 436.1, 478.1)];
    expect(mergeRulings(pieces)).toHaveLength(3);
    const merged = mergeRulings(pieces, 2);
    expect(merged.map((r) => [r.from, r.to])).toEqual([[86.9, 681.6]]);
    expect(merged[0]!.at).toBeCloseTo(43.2, 1);
  });
});

describe('rectangleRuling', () => {
  it('takes a thin filled rectangle, or a cell border mitered at its corners, for a line; a wide box for none', () => {
    expect(rectangleRuling([[42, 115.84], [798, 115.84], [798, 116.59], [42, 116.59]])).toMatchObject({ orientation: 'h', from: 42, to: 798 });
    // a WPS export's border: a trapezoid, its bottom 0.75 shorter at each end
    expect(rectangleRuling([[798, 115.84], [42, 115.84], [42, 116.59], [797.25, 116.59]])).toMatchObject({ orientation: 'h', from: 42, to: 798 });
    expect(rectangleRuling([[798, 474.79], [798, 115.84], [797.25, 116.59], [797.25, 474.04]])).toMatchObject({ orientation: 'v', from: 115.84, to: 474.79 });
    // a slanted band is no line: its corners stray further than the line is thick
    expect(rectangleRuling([[42, 115.84], [798, 115.84], [790, 116.59], [50, 116.59]])).toBeNull();
    expect(rectangleRuling([[42, 100], [798, 100], [798, 120], [42, 120]])).toBeNull();
  });
});
