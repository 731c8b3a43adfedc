import type { BBox, Ruling, TableStrategy, TextRun } from '@juesuan/model';
import { isChartLegend } from './chart-legends.ts';
import { inside, overlaps } from './geometry.ts';
import { gridOfBlock, textBlocks } from './open-tables.ts';
import type { GridCell, RuledGrid } from './ruled-grid.ts';
import { buildRuledGrid, rulingComponents } from './ruled-grid.ts';
import { closeOpenEnds, crossedRulings, longRulings, meetCrossings, oneWayGroups } from './rule-groups.ts';
import type { LayoutSettings } from './settings.ts';
import { DEFAULT_LAYOUT_SETTINGS } from './settings.ts';
import { columnsForRows, splitCellsInRun } from './text-columns.ts';
import type { LineOfRuns } from './text-lines.ts';
import { groupIntoLines } from './text-lines.ts';
import { rowsForColumns } from './text-rows.ts';
import { findUnruledTables } from './unruled-tables.ts';

/** A table's grid on its page: its box, column lines and cells. */
export interface TableOnPage {
  bbox: BBox;
  xs: number[];
  cells: GridCell[];
  nRows: number;
  nCols: number;
  ruled: boolean;
}

/** A table found on a page, before its metadata is read. */
export interface FoundTable extends TableOnPage {
  strategy: TableStrategy;
  confidence: number;
  /** the columns came from gaps alone, without text rows (the weakest way) */
  fromGaps?: boolean;
}

/** What the passes read and write for one page, in the order they run. */
export interface TableWork {
  readonly settings: LayoutSettings;
  readonly runs: TextRun[];
  readonly rulings: Ruling[];
  /** rulings long enough to make a grid */
  long: Ruling[];
  /** groups of rules across only, and of rules down only */
  across: Ruling[][];
  down: Ruling[][];
  /** the lines grids are built from: the page's, lengthened where a grid's stop short, and those drawn from text */
  lines: Ruling[];
  /** lines drawn from the text, by the strategy that drew them */
  drawn: Map<Ruling, TableStrategy>;
  /** runs outside the grids, cut where one item holds two cells' text */
  freeRuns: TextRun[];
  textLines: LineOfRuns[];
  blocks: LineOfRuns[][];
  tables: FoundTable[];
}

export interface Pass {
  name: string;
  /** does its work and says in a few words what it found */
  run: (w: TableWork) => string;
}

const snap: Pass = {
  name: 'rulings: snap',
  run: (w) => {
    w.long = longRulings(w.rulings, w.settings);
    w.lines = w.rulings;
    return `${w.long.length} of ${w.rulings.length} long enough`;
  },
};

const join: Pass = {
  name: 'rulings: join',
  run: (w) => {
    ({ across: w.across, down: w.down } = oneWayGroups(w.long, w.runs, w.settings));
    return `${w.across.length} groups across only, ${w.down.length} down only`;
  },
};

const extend: Pass = {
  name: 'rulings: extend',
  run: (w) => {
    const crossed = crossedRulings(w.across, w.down);
    w.across = w.across.filter((g) => !g.some((r) => crossed.has(r)));
    w.down = w.down.filter((g) => !g.some((r) => crossed.has(r)));
    const reach = w.settings.rulings.reachPt;
    if (crossed.size > 0) w.lines = w.lines.map((r) => (crossed.has(r) ? { ...r, from: r.from - reach, to: r.to + reach } : r));
    const met = meetCrossings(w.lines, w.settings);
    if (met.lengthened > 0) w.lines = met.lines;
    return `${crossed.size} rulings lengthened to meet, ${met.lengthened} to the rule they stop short of`;
  },
};

const openEnds: Pass = {
  name: 'rulings: close open ends',
  run: (w) => {
    const added: Ruling[] = [];
    w.across = w.across.map((g) => {
      const more = closeOpenEnds(g, w.runs, w.settings);
      for (const r of more) w.drawn.set(r, 'ruled-across');
      added.push(...more);
      return more.length > 0 ? [...g, ...more] : g;
    });
    if (added.length > 0) w.lines = [...w.lines, ...added];
    return `${added.length} rows past the first or last rule closed`;
  },
};

/** Lines drawn from the text for each group of rules one way, marked with the strategy that drew them. */
function drawFromText(w: TableWork, groups: Ruling[][], strategy: TableStrategy, draw: (g: Ruling[], runs: TextRun[], s: LayoutSettings) => Ruling[]): string {
  const runs = w.runs.flatMap(splitCellsInRun);
  const added = groups.flatMap((g) => draw(g, runs, w.settings));
  for (const r of added) w.drawn.set(r, strategy);
  if (added.length > 0) w.lines = [...w.lines, ...added];
  return `${added.length} lines drawn`;
}

const textColumns: Pass = { name: 'edges: columns from text', run: (w) => drawFromText(w, w.across, 'ruled-across', columnsForRows) };
const textRows: Pass = { name: 'edges: rows from text', run: (w) => drawFromText(w, w.down, 'ruled-down', rowsForColumns) };

/** The strategy of a grid: the one that drew some of its lines from text, else lines both ways. */
function strategyOf(component: Ruling[], drawn: Map<Ruling, TableStrategy>): TableStrategy {
  for (const r of component) {
    const s = drawn.get(r);
    if (s) return s;
  }
  return 'ruled-grid';
}

const asFound = (g: RuledGrid, strategy: TableStrategy, ruled: boolean): FoundTable => ({ bbox: g.bbox, xs: g.xs, cells: g.cells, nRows: g.ys.length - 1, nCols: g.xs.length - 1, ruled, strategy, confidence: 0 });
const filledCells = (cells: GridCell[]) => cells.filter((c) => c.text !== '').length;

const grid: Pass = {
  name: 'grid',
  run: (w) => {
    const { minWidthPt, minHeightPt } = w.settings.tables;
    const grids = rulingComponents(w.lines, w.settings)
      .map((component) => ({ component, g: buildRuledGrid(component, w.runs, w.settings) }))
      .filter((x): x is { component: Ruling[]; g: RuledGrid } => x.g !== null && x.g.bbox.x1 - x.g.bbox.x0 > minWidthPt && x.g.bbox.y1 - x.g.bbox.y0 > minHeightPt)
      .sort((a, b) => a.g.bbox.y0 - b.g.bbox.y0);
    // a grid that holds one cell with text is a framed paragraph, not a table
    // (an empty ruled grid is kept: it may be the tail of a table from the page before)
    const kept = grids.filter(({ g }) => (filledCells(g.cells) >= 2 || filledCells(g.cells) === 0) && !isChartLegend(g.cells, w.settings));
    w.tables.push(...kept.map(({ component, g }) => asFound(g, strategyOf(component, w.drawn), true)));
    return `${kept.length} grids of ${grids.length}`;
  },
};

/** Sentences cut into columns by their gaps (a figure set apart in a paragraph) are prose, not a table. */
export function isProse(cells: Array<{ text: string }>): boolean {
  const filled = cells.filter((c) => c.text.trim() !== '');
  const sentences = filled.filter((c) => /[。；]|，.{4,}/.test(c.text)).length;
  return sentences >= 2 && sentences >= filled.length * 0.25;
}

const textLines: Pass = {
  name: 'text lines',
  run: (w) => {
    const free = w.runs.filter((r) => !w.tables.some((g) => inside(r.bbox, g.bbox, w.settings.tables.insidePt)));
    w.freeRuns = free.flatMap(splitCellsInRun);
    w.textLines = groupIntoLines(w.freeRuns);
    return `${w.textLines.length} lines outside the grids`;
  },
};

const regions: Pass = {
  name: 'regions',
  run: (w) => {
    w.blocks = textBlocks(w.textLines, w.settings);
    return `${w.blocks.length} blocks of amount lines`;
  },
};

const blockGrids: Pass = {
  name: 'grid of text rows and columns',
  run: (w) => {
    const grids = w.blocks.map((b) => gridOfBlock(b, w.freeRuns, w.settings)).filter((g): g is RuledGrid => g !== null && filledCells(g.cells) >= 2 && !isProse(g.cells));
    w.tables.push(...grids.map((g) => asFound(g, 'no-lines', false)));
    return `${grids.length} tables`;
  },
};

const gaps: Pass = {
  name: 'edges: columns from gaps',
  run: (w) => {
    const open = w.tables.filter((t) => t.strategy === 'no-lines');
    const free = w.runs.filter((r) => !w.tables.some((g) => g.ruled && inside(r.bbox, g.bbox, w.settings.tables.insidePt)));
    const found = findUnruledTables(free, w.settings).filter((u) => !open.some((g) => overlaps(g.bbox, u.bbox)) && !isProse(u.cells));
    w.tables.push(...found.map((u) => ({ ...u, ruled: false, strategy: 'no-lines' as const, confidence: 0, fromGaps: true })));
    return `${found.length} tables`;
  },
};

/** How far each strategy is trusted before its text is looked at: drawn lines over lines guessed from text. */
const TRUST: Record<TableStrategy, number> = { 'ruled-grid': 1, 'ruled-across': 0.9, 'ruled-down': 0.9, 'no-lines': 0.8 };
const GAPS_TRUST = 0.6;
/** Whether a strategy's column lines are drawn on the page, rather than guessed from where text stands. */
export const COLUMNS_DRAWN: Record<TableStrategy, boolean> = { 'ruled-grid': true, 'ruled-across': false, 'ruled-down': true, 'no-lines': false };

/** The share of filled cells whose text stands inside the cell (none cut by a column line). */
function textFit(t: FoundTable, s: LayoutSettings): number {
  const filled = t.cells.filter((c) => c.runs.length > 0);
  if (filled.length === 0) return 1;
  const slack = s.edges.crossPt;
  const fits = filled.filter((c) => c.runs.every((r) => r.bbox.x0 >= c.bbox.x0 - slack && r.bbox.x1 <= c.bbox.x1 + slack)).length;
  return fits / filled.length;
}

const confidence: Pass = {
  name: 'confidence',
  run: (w) => {
    for (const t of w.tables) t.confidence = Math.round((t.fromGaps ? GAPS_TRUST : TRUST[t.strategy]) * textFit(t, w.settings) * 100) / 100;
    return w.tables.map((t) => `${t.strategy} ${t.confidence}`).join(', ') || 'no tables';
  },
};

/** Each strategy as the passes that make its tables. */
export const STRATEGIES: Record<TableStrategy, readonly Pass[]> = {
  'ruled-grid': [snap, join, extend, grid],
  'ruled-across': [snap, join, openEnds, textColumns, grid],
  'ruled-down': [snap, join, textRows, grid],
  'no-lines': [textLines, regions, blockGrids, gaps],
};

/** Every pass, in the order they run: lines drawn on the page first, then the text outside them. */
export const PASSES: readonly Pass[] = [snap, join, extend, openEnds, textColumns, textRows, grid, textLines, regions, blockGrids, gaps, confidence];

export interface FoundTables {
  tables: FoundTable[];
  /** each pass run, with what it found */
  trace: Array<{ pass: string; found: string }>;
  /** the lines the grids were built from (the page's and those drawn from text) */
  lines: Ruling[];
}

/** The tables of one page, by the passes of the strategies asked for (all of them unless told). */
export function findTables(runs: TextRun[], rulings: Ruling[], settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS, strategies: readonly TableStrategy[] = Object.keys(STRATEGIES) as TableStrategy[]): FoundTables {
  const wanted = new Set(strategies.flatMap((s) => STRATEGIES[s]));
  const w: TableWork = { settings, runs, rulings, long: [], across: [], down: [], lines: rulings, drawn: new Map(), freeRuns: runs, textLines: [], blocks: [], tables: [] };
  const trace = PASSES.filter((p) => p === confidence || wanted.has(p)).map((p) => ({ pass: p.name, found: p.run(w) }));
  w.tables.sort((a, b) => a.bbox.y0 - b.bbox.y0);
  return { tables: w.tables, trace, lines: w.lines };
}

/** The ruled grids of a set of lines alone (an image's lines, before its text is read). */
export function ruledGrids(rulings: Ruling[], settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): RuledGrid[] {
  const { minWidthPt, minImageGridHeightPt: minHeightPt } = settings.tables;
  return rulingComponents(rulings, settings)
    .map((c) => buildRuledGrid(c, [], settings))
    .filter((g): g is RuledGrid => g !== null && g.bbox.x1 - g.bbox.x0 > minWidthPt && g.bbox.y1 - g.bbox.y0 > minHeightPt);
}
