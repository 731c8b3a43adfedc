import type { Ruling } from '@juesuan/model';
import { describe, expect, it } from 'vitest';
import { ruledGrids } from '../layout/find-tables.ts';
import { withoutGlyphStrokes } from './glyph-strokes.ts';

const h = (at: number, from: number, to: number): Ruling => ({ orientation: 'h', at, from, to });
const v = (at: number, from: number, to: number): Ruling => ({ orientation: 'v', at, from, to });

/** A table of three 80 pt columns, the last two under one heading split by a short divider (20 pt, rule to rule). */
const table = [
  ...[150, 190, 210, 230].map((y) => h(y, 100, 340)),
  h(170, 180, 340),
  ...[100, 180, 340].map((x) => v(x, 150, 230)),
  v(260, 170, 230),
  v(300, 170, 190),
];
/** Strokes of a bold title as found on 江苏 p2: short, crossing one another, ending on nothing long. */
const title = [h(95.8, 588, 613), h(104.8, 610, 640), h(117.4, 596, 630), ...[594.7, 601.8, 605.5, 610.2, 620.2, 631.9, 633.5].map((x) => v(x, 94, 117))];
/** Strokes of a bold heading inside the table's first cell, clear of its rules (政协 p6's 科目编码). */
const heading = [v(112, 155, 168), v(121, 153, 169), v(133, 154, 168)];

describe('strokes of heavy type on a page image', () => {
  it('are left out, and the table beside them kept with its short dividers', () => {
    expect(ruledGrids([...table, ...title])).toHaveLength(2);
    const kept = withoutGlyphStrokes([...table, ...title, ...heading]);
    expect(kept).toEqual(table);
    expect(ruledGrids(kept).map((g) => g.xs)).toEqual([[100, 180, 260, 300, 340]]);
  });

  it('keep a one-row table, all of whose lines down are short', () => {
    const oneRow = [h(100, 50, 300), h(118, 50, 300), ...[50, 150, 300].map((x) => v(x, 100, 118))];
    expect(withoutGlyphStrokes(oneRow)).toEqual(oneRow);
  });

  it('keep a piece of a rule a fax broke: from a line down to a break beyond which the rule goes on', () => {
    // the row rule at 200 lost 476..482: its piece 482..511 ends on the frame at 511 and on nothing at 482
    const broken = [h(150, 336, 511), h(250, 336, 511), h(200, 336, 476), h(200, 482, 511), ...[336, 455, 511].map((x) => v(x, 150, 250))];
    expect(withoutGlyphStrokes(broken)).toEqual(broken);
    // a stroke in line with a rule but well past its end (25 pt) is no piece of it
    const frame = [h(150, 336, 511), h(250, 336, 511), h(200, 336, 470), ...[336, 455, 511].map((x) => v(x, 150, 250))];
    expect(withoutGlyphStrokes([...frame, h(200, 495, 511)])).toEqual(frame);
  });
});

