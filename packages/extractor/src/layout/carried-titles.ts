import { isPageFooter, TITLE_END } from '@juesuan/model';
import type { PageLayout, PageTable } from './page-tables.ts';
import type { LayoutSettings } from './settings.ts';
import { DEFAULT_LAYOUT_SETTINGS } from './settings.ts';
import type { PlainLine } from './table-meta.ts';
import { readTableMeta } from './table-meta.ts';

/**
 * The free lines at a page's foot, below its last table, when they end with a table's title and
 * at most its unit, number or department lines: a title whose whole table went to the next page.
 * (Header words under it would be the table's first row, cut off: that table is left untitled.)
 */
function titleAtFoot(layout: PageLayout, s: LayoutSettings): PlainLine[] | null {
  const last = layout.tables[layout.tables.length - 1];
  const foot = layout.lines.filter((l) => !l.inTable && (!last || l.bbox.y0 >= last.bbox.y1) && !isPageFooter(l.text.trim()));
  const at = foot.findLastIndex((l) => TITLE_END.test(l.text.replace(/\s+/g, '')));
  if (at < 0) return null;
  const after = foot.slice(at + 1);
  const describing = after.length <= s.meta.carriedTitleLinesAfter && readTableMeta(after, []).title === null;
  return describing ? foot.slice(0, at + 1).concat(after) : null;
}

/**
 * The "titles: carried over a page break" pass: an untitled table at the top of a page, with no
 * text above it, takes the title left at the foot of the page before (with its unit and number).
 * Its title stands above it, so it starts a table rather than continuing one.
 */
export function carryTitlesOver(layouts: PageLayout[], s: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): PageTable[][] {
  return layouts.map((layout, i) => {
    const first = layout.tables[0];
    const before = i > 0 ? layouts[i - 1] : undefined;
    if (!first || !before || first.meta.title || first.hasTextAbove) return layout.tables;
    const lines = titleAtFoot(before, s);
    if (!lines) return layout.tables;
    const carried = readTableMeta(lines, []);
    if (!carried.title) return layout.tables;
    const meta = { ...first.meta, title: carried.title, unit: first.meta.unit ?? carried.unit, number: first.meta.number ?? carried.number };
    return [{ ...first, meta, hasTextAbove: true }, ...layout.tables.slice(1)];
  });
}
