import type { Ruling } from '@juesuan/model';
import { buildRuledGrid, rulingComponents } from '../layout/ruled-grid.ts';
import type { LayoutSettings } from '../layout/settings.ts';
import { DEFAULT_LAYOUT_SETTINGS } from '../layout/settings.ts';

/**
 * Strokes of big bold characters (a title in heavy type) pass for short lines on a page image
 * and cross into a grid whose columns are narrower than any text: such lines are left out, so
 * the title is read as a line of text instead of as cells.
 */
export function withoutGlyphStrokes(rulings: Ruling[], s: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): Ruling[] {
  const strokes = new Set<Ruling>();
  for (const component of rulingComponents(rulings, s)) {
    const grid = buildRuledGrid(component, [], s);
    if (!grid) continue;
    const widths = grid.xs.slice(1).map((x, k) => x - grid.xs[k]!).sort((a, b) => a - b);
    if (widths[Math.floor(widths.length / 2)]! < s.tables.minImageColumnPt) for (const r of component) strokes.add(r);
  }
  return rulings.filter((r) => !strokes.has(r));
}
