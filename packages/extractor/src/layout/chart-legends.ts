import type { GridCell } from './ruled-grid.ts';
import type { LayoutSettings } from './settings.ts';

/** An empty, small, squarish cell: a chart legend's colour swatch. */
function isSwatch(c: GridCell, s: LayoutSettings): boolean {
  const { min, max } = s.tables.swatchPt;
  const w = c.bbox.x1 - c.bbox.x0;
  const h = c.bbox.y1 - c.bbox.y0;
  return c.text.trim() === '' && w >= min && w <= max && h >= min && h <= max && w <= 2 * h && h <= 2 * w;
}

/**
 * A chart's legend drawn in a frame: each label has a colour swatch just left of it, level with
 * it. The frame and the swatches' outlines make a grid, but it is no table.
 */
export function isChartLegend(cells: GridCell[], s: LayoutSettings): boolean {
  const labels = cells.filter((c) => c.text.trim() !== '');
  const swatches = cells.filter((c) => isSwatch(c, s));
  if (labels.length < 2 || swatches.length < labels.length) return false;
  const level = (a: GridCell, b: GridCell) => a.bbox.y0 < b.bbox.y1 && b.bbox.y0 < a.bbox.y1;
  return labels.every((l) => swatches.some((w) => w.col + w.colSpan === l.col && level(w, l)));
}
