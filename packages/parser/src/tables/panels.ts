import type { Table } from '@juesuan/model';
import { kindSpec } from '../registry/table-kinds.ts';
import type { TableGrid } from './table-grid.ts';

export interface PanelSpec {
  colStart: number;
  colEnd: number;
  side: 'income' | 'expenditure' | null;
  panel: string | null;
  /** the expenditure group of a two-group summary: 功能分类 → function, 支出用途 → purpose */
  group: 'function' | 'purpose' | null;
}

const SIDE: Array<[RegExp, 'income' | 'expenditure']> = [
  [/收入|收\s*入/, 'income'],
  [/支出|支\s*出/, 'expenditure'],
];
const LABEL_HEADER = /^(项目|项目名称|科目名称|功能科目名称|.*科目)$/;
const GROUP: Array<[RegExp, 'function' | 'purpose']> = [
  [/功能/, 'function'],
  [/用途|经济分类/, 'purpose'],
];

function firstOf<T>(parts: string[], rules: Array<[RegExp, T]>): T | null {
  for (const p of parts) for (const [re, v] of rules) if (re.test(p)) return v;
  return null;
}

/** Side and group of a column, read from its header path top down. */
function columnPlace(grid: TableGrid, col: number): { side: PanelSpec['side']; group: PanelSpec['group'] } {
  const path = grid.headerPath(col);
  return { side: firstOf(path.slice(0, -1).length ? path.slice(0, -1) : path, SIDE), group: firstOf(path, GROUP) };
}

/**
 * A 项目 column under no side's heading (the heading drawn over the amounts only, as a table
 * without lines down prints it, or misread: 财政拨款支出 read 财]) opens the side that follows it,
 * however many unheaded columns come between: a side begins with its labels.
 */
function leadingLabelsJoinTheirSide(grid: TableGrid, places: Array<ReturnType<typeof columnPlace>>): void {
  for (let c = places.length - 1; c >= 0; c--) {
    const next = places.slice(c + 1).find((p) => p.side !== null);
    const leaf = grid.headerPath(c).at(-1) ?? '';
    if (places[c]!.side === null && next && LABEL_HEADER.test(leaf.replace(/\s+/g, ''))) places[c] = { ...next };
  }
}

const OTHER_SIDE = { income: 'expenditure', expenditure: 'income' } as const;

/**
 * Two headings over the whole table, one naming its side and the other no side (支出 read E 3出 on
 * a scan): the other heading is the other side.
 */
function otherHeadingIsOtherSide(grid: TableGrid, places: Array<ReturnType<typeof columnPlace>>): void {
  const sides = new Set(places.map((p) => p.side).filter((s) => s !== null));
  if (sides.size !== 1) return;
  const tops = places.map((_, c) => grid.headerCells(c)[0]);
  const headings = [...new Set(tops)];
  if (headings.length !== 2 || headings.some((h) => !h)) return;
  const named = headings.map((h) => firstOf([h!.text], SIDE));
  const k = named.findIndex((s) => s === null);
  if (k < 0 || named[1 - k] === null) return;
  tops.forEach((t, c) => {
    if (t === headings[k]) places[c] = { ...places[c]!, side: OTHER_SIDE[named[1 - k]!] };
  });
}

/** Consecutive columns with the same side and group: one panel each. */
function panelsFromHeader(grid: TableGrid, nCols: number): PanelSpec[] | null {
  const places = Array.from({ length: nCols }, (_, c) => columnPlace(grid, c));
  otherHeadingIsOtherSide(grid, places);
  leadingLabelsJoinTheirSide(grid, places);
  if (!places.some((p) => p.side === 'income') || !places.some((p) => p.side === 'expenditure')) return null;
  const out: PanelSpec[] = [];
  for (let c = 0; c < nCols; c++) {
    const p = places[c]!;
    const last = out[out.length - 1];
    if (last && (p.side === null || (p.side === last.side && p.group === last.group))) last.colEnd = c;
    else out.push({ colStart: c, colEnd: c, side: p.side ?? 'income', panel: null, group: p.side === 'expenditure' ? p.group : null });
  }
  return out;
}

function hasAmounts(grid: TableGrid, from: number, to: number): boolean {
  for (let c = from; c <= to; c++)
    for (let r = grid.table.headerRows; r < grid.table.nRows; r++) if (/\d\.\d{2}$/.test(grid.anchor(r, c)?.text.trim() ?? '')) return true;
  return false;
}

/** The panels a table's kind reads: sides (and groups) of a two-sided table, personnel | public. */
export function panelsOf(table: Table, grid: TableGrid, kind: string): PanelSpec[] {
  const all: PanelSpec = { colStart: 0, colEnd: table.nCols - 1, side: null, panel: null, group: null };
  const mode = kindSpec(kind)?.panels ?? 'none';
  if (mode === 'sides') {
    const fromHeader = panelsFromHeader(grid, table.nCols);
    if (fromHeader) return fromHeader;
  }
  // side-by-side panels each print amounts; a code block beside its amounts is one panel
  if (mode === 'none' || table.panels.length < 2 || !table.panels.every((p) => hasAmounts(grid, p.colStart, p.colEnd))) return [all];
  return table.panels.map((p, i) => ({
    colStart: p.colStart,
    colEnd: p.colEnd,
    side: mode === 'sides' ? (i === 0 ? 'income' : 'expenditure') : null,
    panel: mode === 'personnel_public' && kind.startsWith('final') ? (i === 0 ? 'personnel' : 'public') : null,
    group: null,
  }));
}
