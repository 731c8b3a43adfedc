import type { Ruling } from '@juesuan/model';
import type { LayoutSettings } from '../layout/settings.ts';
import { DEFAULT_LAYOUT_SETTINGS } from '../layout/settings.ts';

/**
 * Strokes of heavy type (a bold title, a bold heading inside a cell) pass for short lines on a
 * page image and cut a grid into columns narrower than any text. A short line of a table runs
 * from one long line to another (a heading's divider between the rules above and below it); a
 * stroke of a character ends among other strokes. Short lines that do not end on long ones at
 * both ends are left out.
 */
export function withoutGlyphStrokes(rulings: Ruling[], s: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): Ruling[] {
  const { minImageRulePt: long, imageRuleEndPt: reach } = s.tables;
  const longOnes = rulings.filter((r) => r.to - r.from >= long);
  const endsOnLong = (r: Ruling, end: number) =>
    longOnes.some((o) => o.orientation !== r.orientation && Math.abs(o.at - end) <= reach && o.from - reach <= r.at && r.at <= o.to + reach);
  return rulings.filter((r) => r.to - r.from >= long || (endsOnLong(r, r.from) && endsOnLong(r, r.to)));
}
