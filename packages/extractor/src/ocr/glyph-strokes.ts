import type { Ruling } from '@juesuan/model';
import type { LayoutSettings } from '../layout/settings.ts';
import { DEFAULT_LAYOUT_SETTINGS } from '../layout/settings.ts';

/**
 * Strokes of heavy type (a bold title, a bold heading inside a cell) pass for short lines on a
 * page image and cut a grid into columns narrower than any text. A short line of a table runs
 * from one long line to another (a heading's divider between the rules above and below it), or
 * from a long line to a break beyond which the rule goes on (a fax lost a stretch of it); a
 * stroke of a character ends among other strokes. Short lines ending neither way at both ends are left out.
 */
export function withoutGlyphStrokes(rulings: Ruling[], s: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): Ruling[] {
  const { minImageRulePt: long, imageRuleEndPt: reach, imageRuleBreakPt: gap } = s.tables;
  const longOnes = rulings.filter((r) => r.to - r.from >= long);
  const endsOnLong = (r: Ruling, end: number) =>
    longOnes.some((o) => o.orientation !== r.orientation && Math.abs(o.at - end) <= reach && o.from - reach <= r.at && r.at <= o.to + reach);
  // the paper between the end and a long line in line with it, beyond that end
  const breakTo = (r: Ruling, end: number, o: Ruling) => (end === r.from ? r.from - o.to : o.from - r.to);
  const goesOnPast = (r: Ruling, end: number) =>
    longOnes.some((o) => o.orientation === r.orientation && Math.abs(o.at - r.at) <= reach && breakTo(r, end, o) >= -reach && breakTo(r, end, o) <= gap);
  const ends = (r: Ruling, end: number) => endsOnLong(r, end) || goesOnPast(r, end);
  return rulings.filter((r) => r.to - r.from >= long || (endsOnLong(r, r.from) && ends(r, r.to)) || (ends(r, r.from) && endsOnLong(r, r.to)));
}
