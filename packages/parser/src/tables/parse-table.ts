import type { AmountRecord, Cell, Finding, LineItem, Table } from '@juesuan/model';
import { NOTE_LINE } from '@juesuan/model';
import { hasLeadingZero, looksLikeAmount, parseAmount } from '../amounts/parse-amount.ts';
import type { Catalog } from '../catalog/catalog.ts';
import { codeLevel, parentCode } from '../catalog/catalog.ts';
import { isTwoSided, kindSpec } from '../registry/table-kinds.ts';
import type { ColumnRole } from './columns.ts';
import { columnRole, nameGroupSubtotals, qualifyRepeatedMeasures } from './columns.ts';
import { isGroupSubtotal } from './measures.ts';
import { cleanLabel, hasNumbering, isTotalLabel, labelKey } from './labels.ts';
import type { PanelSpec } from './panels.ts';
import { panelsOf } from './panels.ts';
import { ProcurementContext } from './procurement-context.ts';
import { RowCodeReader } from './row-code.ts';
import type { RowCode } from './row-code.ts';
import { unreadableAmountText, unreadableOcrAmount } from './ocr-findings.ts';
import { TableGrid } from './table-grid.ts';
import { flagWith } from '../flags.ts';


export interface TableContext {
  kind: string;
  unit: string;
  unitAssumed: boolean;
  functional: Catalog;
  economic: Catalog;
  /** which classification the rows' printed codes belong to, where the kind allows either */
  rowCodes?: 'functional' | 'economic' | null;
}

export interface ParsedTableRecords {
  records: AmountRecord[];
  lineItems: LineItem[];
  measures: Array<string | null>;
  findings: Finding[];
}

/** A 三公 table whose header groups 三公 apart from 会议费/培训费: its 合计 is the grand total. */
function hasThreePublicGroup(grid: TableGrid, ocr: boolean): boolean {
  const paths = Array.from({ length: grid.table.nCols }, (_, c) => grid.headerPath(c));
  // OCR may garble the group's name (“三公”经费 read 一人“仪我); its 小计 right under it still shows it
  const group = (p: string[]) => p.slice(0, -1).some((x) => /三公/.test(x)) || (ocr && isGroupSubtotal(p));
  return paths.some(group) && paths.some((p) => p.some((x) => /会议费|培训费/.test(x)));
}

/** A 三公 table printing each measure's 预算数 and 决算数. */
function hasBothStages(grid: TableGrid): boolean {
  const heads = Array.from({ length: grid.table.nCols }, (_, c) => grid.headerPath(c).join('|'));
  return heads.some((h) => /预算/.test(h)) && heads.some((h) => /决算/.test(h));
}

/** The row's label and, when it stands in a later name column under a group cell, that group. */
function rowLabel(grid: TableGrid, row: number, nameCols: number[], codeCols: number[] = []): { cell: Cell | undefined; label: string; parent: string | null } {
  const total = totalInCodeColumns(grid, row, nameCols, codeCols);
  if (total) return total;
  for (let i = nameCols.length - 1; i >= 0; i--) {
    const cell = grid.at(row, nameCols[i]!);
    const label = cell ? cleanLabel(cell.text) : '';
    if (label === '' && i > 0) continue;
    const groupCell = i > 0 ? grid.at(row, nameCols[0]!) : undefined;
    const parent = groupCell && groupCell !== cell ? cleanLabel(groupCell.text) || null : null;
    return { cell, label, parent };
  }
  return { cell: undefined, label: '', parent: null };
}

/**
 * A 合计 printed in the code column with the name column blank (its merged cell split by a rule
 * drawn through it, or a layout that centres it over both): the row's label.
 */
function totalInCodeColumns(grid: TableGrid, row: number, nameCols: number[], codeCols: number[]): { cell: Cell; label: string; parent: null } | null {
  if (nameCols.some((c) => cleanLabel(grid.at(row, c)?.text ?? '') !== '')) return null;
  for (const c of codeCols) {
    const cell = grid.at(row, c);
    const label = cell ? cleanLabel(cell.text) : '';
    if (cell && isTotalLabel(label)) return { cell, label, parent: null };
  }
  return null;
}

/**
 * A table cross-classified by two code systems (部门预算经济分类 301 01 | name | 政府预算经济分类
 * 501 01 | name) is read by the first: its code columns and the name columns before the second's.
 */
function firstClassification(codeCols: number[], nameCols: number[]): { codeCols: number[]; nameCols: number[] } {
  const gap = codeCols.findIndex((c, i) => i > 0 && c !== codeCols[i - 1]! + 1);
  if (gap < 0 || !nameCols.some((n) => n > codeCols[gap - 1]! && n < codeCols[gap]!)) return { codeCols, nameCols };
  return { codeCols: codeCols.slice(0, gap), nameCols: nameCols.filter((n) => n < codeCols[gap]!) };
}

/** A two-group summary row belongs to its label's group unless the label spans both or totals them. */
function groupOf(panel: PanelSpec, cell: Cell | undefined, label: string | null): string | null {
  if (panel.side !== 'expenditure' || !panel.group || !cell || !label) return null;
  if (cell.col < panel.colStart || cell.col + cell.colSpan - 1 > panel.colEnd || isTotalLabel(label)) return null;
  return panel.group;
}

function unknownHeaderFinding(tableIndex: number, kind: string, r: ColumnRole): Finding {
  return {
    rule: 'measure.unknown_header',
    severity: 'info',
    messageZh: `表 ${tableIndex}（${kind}）第 ${r.col + 1} 列表头「${r.unknownHeader}」不在词表中，记为 ${r.measure}`,
    messageEn: `column ${r.col + 1} of table ${tableIndex} (${kind}): header "${r.unknownHeader}" is in no vocabulary, kept as ${r.measure}`,
    cells: [],
    suggestion: null,
  };
}

interface RowState {
  pastTotal: boolean;
  parentLabel: string | null;
}

/** Two-sided tables: rows after 本年…合计 numbered again belong to the last un-numbered label. */
function twoSidedParent(state: RowState, label: string | null): string | null {
  if (!label) return null;
  if (/合计/.test(label)) state.pastTotal = true;
  else if (state.pastTotal && !hasNumbering(label) && !/总计/.test(label)) state.parentLabel = label;
  else if (state.pastTotal && hasNumbering(label) && state.parentLabel) return state.parentLabel;
  return null;
}

/** One table → one record per numeric cell, each with its row's code or label and its measure. */
export function parseTable(table: Table, tableIndex: number, ctx: TableContext): ParsedTableRecords {
  const grid = new TableGrid(table);
  const out: ParsedTableRecords = { records: [], lineItems: [], measures: Array.from({ length: table.nCols }, () => null), findings: [] };
  const spec = kindSpec(ctx.kind);
  const shape = spec?.rows ?? 'functional';
  const coded = ['functional', 'economic', 'codes', 'projects'].includes(shape);
  const catalog = shape === 'economic' || (shape !== 'functional' && ctx.rowCodes === 'economic') ? ctx.economic : ctx.functional;
  const ocr = table.cells.some((c) => c.source === 'ocr');
  const threePublicGroup = shape === 'one_row' && hasThreePublicGroup(grid, ocr);
  const bothStages = shape === 'one_row' && hasBothStages(grid);

  // a label cell spanning one group of a side also names the row in the side's later groups
  const sideLabels = new Map<string, ReturnType<typeof rowLabel>>();
  for (const panel of panelsOf(table, grid, ctx.kind)) {
    const roles: ColumnRole[] = [];
    for (let c = panel.colStart; c <= panel.colEnd; c++) roles.push(columnRole(grid, c, { kind: ctx.kind, side: panel.side, threePublicGroup, bothStages, ocr }));
    nameGroupSubtotals(grid, roles, { kind: ctx.kind, side: panel.side, threePublicGroup, bothStages, ocr });
    qualifyRepeatedMeasures(grid, roles);
    for (const r of roles) if (r.role === 'amount') out.measures[r.col] = r.measure;
    for (const r of roles) if (r.role === 'amount' && r.unknownHeader) out.findings.push(unknownHeaderFinding(tableIndex, ctx.kind, r));
    const colsOf = (role: ColumnRole['role']) => roles.filter((r) => r.role === role).map((r) => r.col);
    const { codeCols, nameCols } = firstClassification(colsOf('code'), colsOf('name'));
    const amountCols = roles.filter((r) => r.role === 'amount');
    const codes = new RowCodeReader(grid, { codeCols, altCodeCols: colsOf('alt_code') }, catalog);
    const procurement = shape === 'procurement' ? new ProcurementContext(grid, new Map(roles.filter((r) => r.role === 'context').map((r) => [r.col, r.field!]))) : null;
    const state: RowState = { pastTotal: false, parentLabel: null };

    for (let row = table.headerRows; row < table.nRows; row++) {
      // the name cell may be merged with the code columns (合计 / 人员经费合计 rows)
      let named = rowLabel(grid, row, nameCols, codeCols);
      // a row under a name printed over two rows is that row's second line, unless it prints an amount of its own
      if (named.cell && named.cell.row !== row && !amountCols.some((ac) => ownAmount(grid, row, ac.col))) continue;
      const sideKey = `${panel.side}|${row}`;
      if (named.label === '' && panel.side) named = sideLabels.get(sideKey) ?? named;
      else if (panel.side) sideLabels.set(sideKey, named);
      if (NOTE_LINE.test(named.label)) continue;
      const context = procurement?.read(row) ?? null;
      const rc: RowCode = coded ? codes.read(row, named.label) : { code: null, codePrinted: null, method: named.label ? 'label' : 'none', score: 0, label: named.label || null, flags: [], nameCode: null };
      const label = context ? context.label : rc.label;
      const parent = named.parent ?? (isTwoSided(ctx.kind) ? twoSidedParent(state, label) : null);
      const group = groupOf(panel, named.cell, label);
      const before = out.records.length;
      for (const ac of amountCols) {
        const cell = grid.anchor(row, ac.col);
        const record = cell ? amountRecord(cell, { tableIndex, ctx, panel, rc, label, parent, group, measure: ac.measure ?? 'amount', context: context?.context ?? null }) : null;
        if (record) out.records.push(record);
        else if (cell?.source === 'ocr' && unreadableAmountText(cell.text, cell.confidence)) out.findings.push(unreadableOcrAmount(tableIndex, cell));
      }
      if (rc.code === null && label === null) continue;
      out.lineItems.push({
        tableIndex,
        table: ctx.kind,
        row,
        page: named.cell?.page ?? grid.anchor(row, 0)?.page ?? null,
        side: panel.side,
        panel: panel.panel,
        code: rc.code,
        codeMethod: rc.method,
        codeScore: rc.score,
        label,
        labelKey: label ? labelKey(label) : null,
        amounts: out.records.length - before,
      });
    }
  }
  return out;
}

interface RowFacts {
  tableIndex: number;
  ctx: TableContext;
  panel: PanelSpec;
  rc: RowCode;
  label: string | null;
  parent: string | null;
  group: string | null;
  measure: string;
  context: Record<string, string> | null;
}

/** Whether a row's cell in this column starts on the row and reads as an amount. */
function ownAmount(grid: TableGrid, row: number, col: number): boolean {
  const cell = grid.anchor(row, col);
  return cell !== undefined && cell.row === row && looksLikeAmount(cell.text.trim());
}

function amountRecord(cell: Cell, f: RowFacts): AmountRecord | null {
  const printed = cell.text.trim();
  if (printed === '' || !looksLikeAmount(printed)) return null;
  const parsed = parseAmount(printed, f.ctx.unit);
  if (!parsed) return null;
  const flags = [...f.rc.flags];
  if (parsed.inexact) flags.push('inexact_decimals');
  if (f.ctx.unitAssumed) flags.push('unit_assumed');
  if (cell.source === 'ocr' && (cell.confidence < 0.8 || hasLeadingZero(printed))) flags.push('low_confidence');
  if (f.rc.nameCode) flags.push(flagWith('name_says', f.rc.nameCode));
  const { code } = f.rc;
  return {
    tableIndex: f.tableIndex,
    table: f.ctx.kind,
    page: cell.page,
    bbox: cell.bbox,
    row: cell.row,
    col: cell.col,
    side: f.panel.side,
    panel: f.panel.panel,
    group: f.group,
    code,
    codePrinted: f.rc.codePrinted,
    codeMethod: f.rc.method,
    codeScore: f.rc.score,
    codeLevel: code ? codeLevel(code) : null,
    parentCode: code ? parentCode(code) : null,
    classCode: null,
    label: f.label,
    labelKey: f.label ? labelKey(f.label) : null,
    parentLabel: f.parent,
    context: f.context,
    measure: f.measure,
    printed,
    unit: f.ctx.unit,
    amountFen: parsed.fen,
    flags,
    ...(cell.alternatives ? { alternatives: cell.alternatives } : {}),
    ...(cell.digitsRead ? { digitsRead: cell.digitsRead } : {}),
    ...(cell.digitLikeness ? { digitLikeness: cell.digitLikeness } : {}),
  };
}
