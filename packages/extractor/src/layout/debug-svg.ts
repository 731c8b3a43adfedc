import type { BBox, Ruling } from '@juesuan/model';
import type { RawPage } from '../pdf/read-pdf-page.ts';
import type { FoundTables } from './find-tables.ts';
import type { PageLayout } from './page-tables.ts';

/** What the debug view of one page draws: the page as read, its layout, and what each pass found. */
export interface PageView {
  page: RawPage;
  layout: PageLayout;
  found: FoundTables;
  /** the kind the parser gave each table of the page, by its index on the page */
  kinds?: Map<number, string>;
}

/** Colours of the debug view, one per thing drawn. */
const COLOUR = { text: '#555', line: '#1f77b4', ruling: '#000', drawn: '#ff7f0e', cell: '#2ca02c', table: '#d62728' };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => Math.round(v * 10) / 10;

function rect(b: BBox, style: string): string {
  return `<rect x="${n(b.x0)}" y="${n(b.y0)}" width="${n(b.x1 - b.x0)}" height="${n(b.y1 - b.y0)}" ${style}/>`;
}

function line(r: Ruling, style: string): string {
  const [x1, y1, x2, y2] = r.orientation === 'h' ? [r.from, r.at, r.to, r.at] : [r.at, r.from, r.at, r.to];
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" ${style}/>`;
}

/** The lines the grids were built from that the page does not have: drawn from its text, or lengthened. */
function drawnLines(view: PageView): Ruling[] {
  const own = new Set(view.page.rulings);
  return view.found.lines.filter((r) => !own.has(r));
}

function tableLabel(view: PageView, i: number): string {
  const t = view.layout.tables[i]!;
  const kind = view.kinds?.get(i);
  return `#${i} ${t.strategy ?? '?'} ${t.confidence ?? ''}${kind ? ` ${kind}` : ''}${t.meta.title ? ` · ${t.meta.title}` : ''}`;
}

/**
 * An SVG of one page in page points: text runs, text lines (blue), the page's rulings (black),
 * lines drawn from the text or lengthened (orange, dashed), cells (green), and each table's box
 * (red) labelled with its strategy, confidence and kind; the passes' trace as a legend below.
 */
export function pageSvg(view: PageView): string {
  const { page, layout } = view;
  const legendTop = page.height + 14;
  const height = legendTop + 12 * (view.found.trace.length + 1);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(page.width)} ${n(height)}" width="${n(page.width * 2)}" height="${n(height * 2)}" font-family="sans-serif">`,
    `<rect x="0" y="0" width="${n(page.width)}" height="${n(page.height)}" fill="#fff" stroke="#ccc"/>`,
    ...page.runs.map((r) => `<text x="${n(r.bbox.x0)}" y="${n(r.bbox.y1 - 1)}" font-size="${n(Math.max(3, r.fontSize * 0.9))}" fill="${COLOUR.text}">${escape(r.text)}</text>`),
    ...layout.lines.map((l) => rect(l.bbox, `fill="none" stroke="${COLOUR.line}" stroke-width="0.3"`)),
    ...page.rulings.map((r) => line(r, `stroke="${COLOUR.ruling}" stroke-width="0.6"`)),
    ...layout.tables.flatMap((t) => t.cells.map((c) => rect(c.bbox, `fill="${COLOUR.cell}" fill-opacity="0.06" stroke="${COLOUR.cell}" stroke-width="0.3"`))),
    ...drawnLines(view).map((r) => line(r, `stroke="${COLOUR.drawn}" stroke-width="0.8" stroke-dasharray="3 2"`)),
    ...layout.tables.flatMap((t, i) => [
      rect(t.bbox, `fill="none" stroke="${COLOUR.table}" stroke-width="1.2"`),
      `<text x="${n(t.bbox.x0)}" y="${n(Math.max(7, t.bbox.y0 - 2))}" font-size="7" fill="${COLOUR.table}">${escape(tableLabel(view, i))}</text>`,
    ]),
    `<text x="4" y="${n(legendTop)}" font-size="8">page ${page.number} (${page.source}): passes</text>`,
    ...view.found.trace.map((t, k) => `<text x="8" y="${n(legendTop + 12 * (k + 1))}" font-size="7">${escape(`${t.pass}: ${t.found}`)}</text>`),
    '</svg>',
  ];
  return `${out.join('\n')}\n`;
}
