import { isLineNumbering } from '@juesuan/model';
import { isCutShortAmount, looksLikeAmount } from '../amounts/parse-amount.ts';
import { PROCUREMENT_CONTEXT, RATIO_COLUMN, REMARK_COLUMN } from '../registry/context-columns.ts';
import { canonicalConfusable, canonicalPattern } from '../registry/ocr-confusions.ts';
import { kindSpec } from '../registry/table-kinds.ts';
import { FUND_RULES } from '../registry/measures.ts';
import type { MeasureContext } from './measures.ts';
import { columnId, measureOf, unknownMeasureId } from './measures.ts';
import type { TableGrid } from './table-grid.ts';

export type Role = 'code' | 'alt_code' | 'name' | 'line_no' | 'amount' | 'context' | 'ignore';

export interface ColumnRole {
  col: number;
  role: Role;
  measure: string | null;
  /** a measure named from a header no vocabulary knows (col:…) */
  unknownHeader: string | null;
  /** the context field of a text column (procurement: category, method …) */
  field: string | null;
}

const CODE_HEADER = /编码|代码|^类$|^款$|^项$/;
const NAME_HEADER = /名称|^项目$|^科目$|^项目名称$/;

function dataLook(grid: TableGrid, col: number): { codes: number; amounts: number; texts: number } {
  const n = { codes: 0, amounts: 0, texts: 0 };
  for (let r = grid.table.headerRows; r < grid.table.nRows; r++) {
    const t = grid.anchor(r, col)?.text.trim() ?? '';
    // an amount cut short tells nothing: its one cell made a column of amounts one of names
    if (t === '' || isCutShortAmount(t)) continue;
    if (/^\d{2,7}$/.test(t)) n.codes++;
    else if (looksLikeAmount(t)) n.amounts++;
    else n.texts++;
  }
  return n;
}

/** Share of a column's longer codes that must extend a code above them (205 … 20502 … 2050205) to read as a code column. */
const NESTING = 0.6;

/**
 * The column's cells are account codes printed in their tree's order: most 款 and 项 codes extend
 * a shorter code above them. Whole amounts (2350000 over 1200000) do not.
 */
function nestsAsCodes(grid: TableGrid, col: number): boolean {
  const codes: string[] = [];
  for (let r = grid.table.headerRows; r < grid.table.nRows; r++) {
    const t = grid.anchor(r, col)?.text.trim() ?? '';
    if (/^\d{3}(\d{2}){0,2}$/.test(t)) codes.push(t);
  }
  const longer = codes.flatMap((c, i) => (c.length > 3 && i > 0 ? [{ c, above: codes.slice(0, i) }] : []));
  const extending = longer.filter(({ c, above }) => above.some((a) => a.length < c.length && c.startsWith(a)));
  return longer.length >= 2 && extending.length >= NESTING * longer.length;
}

/** The column's lowest heading covers other columns too. */
const runsOver = (grid: TableGrid, col: number): boolean => (grid.headerCells(col).at(-1)?.colSpan ?? 1) > 1;

/** The fund sources that head columns of their own; two in one header cell mean the extraction ran headings together. */
const SOURCE_HEADINGS = [/一般公共/, /政府性基金/, /国有资本/, /财政专户/, /单位资金/, /其他资金/];
export const isMergedHeading = (text: string): boolean => SOURCE_HEADINGS.filter((re) => re.test(text.replace(/\s+/g, ''))).length >= 2;

const role = (col: number, r: Role, extra: Partial<ColumnRole> = {}): ColumnRole => ({ col, role: r, measure: null, unknownHeader: null, field: null, ...extra });

/** The procurement context a header names; read by OCR, with confusable characters weighed (经济科月 is 经济科目). */
function procurementField(path: string[], ocr: boolean | undefined): string | null {
  const exact = PROCUREMENT_CONTEXT.find(([re]) => path.some((p) => re.test(p)))?.[1];
  if (exact || !ocr) return exact ?? null;
  const read = path.map(canonicalConfusable);
  return PROCUREMENT_CONTEXT.find(([re]) => read.some((p) => canonicalPattern(re).test(p)))?.[1] ?? null;
}

/** What a column holds, from its header path and, where that is silent, the look of its data. */
export function columnRole(grid: TableGrid, col: number, ctx: MeasureContext): ColumnRole {
  const path = grid.headerPath(col);
  // the budget unit's own code (347001) is not part of the account code, but conversions
  // sometimes shift the full account code into that column
  if (path.some((p) => /单位(代码|编码)/.test(p))) return role(col, 'alt_code');
  if (path.some(isLineNumbering)) return role(col, 'line_no');
  // remarks and ratios beside the amounts: no name, no money
  if (path.map((p) => p.replace(/\s+/g, '')).some((p) => REMARK_COLUMN.test(p) || RATIO_COLUMN.test(p))) return role(col, 'ignore');
  if (kindSpec(ctx.kind)?.rows === 'procurement') {
    const field = procurementField(path, ctx.ocr);
    if (field) return role(col, 'context', { field });
  }
  const deepest = (re: RegExp) => path.reduce((found, p, i) => (re.test(p) ? i : found), -1);
  const codeAt = deepest(CODE_HEADER);
  const nameAt = deepest(NAME_HEADER);
  if (codeAt >= 0 && codeAt > nameAt) return role(col, 'code');
  const look = dataLook(grid, col);
  // a names heading run over the amounts beside it (the rule between them lost in the scan): what the amounts are is a guess
  if (nameAt >= 0 && nameAt === path.length - 1 && runsOver(grid, col) && look.amounts > look.texts + look.codes) {
    return role(col, 'amount', { measure: columnId(path), unknownHeader: path.join('/') });
  }
  if (nameAt >= 0 && nameAt === path.length - 1) return role(col, 'name');
  // several columns' headings run together into one cell: whatever it names is a guess
  if (path.some(isMergedHeading) && look.amounts > 0) {
    const unknown = unknownMeasureId(path) ?? columnId(path);
    return role(col, 'amount', { measure: unknown, unknownHeader: path.join('/') });
  }
  // read by OCR, a code column whose heading was misread (科目编码 read 科日编们) is told by its codes' nesting
  if (ctx.ocr && look.codes > look.amounts + look.texts && nestsAsCodes(grid, col)) return role(col, 'code');
  // a header that names a measure wins over the look of the data: amounts printed as whole
  // numbers (2350000) look like codes
  const measure = path.length > 0 ? measureOf(path, ctx) : null;
  if (measure && look.texts <= look.amounts + look.codes) return role(col, 'amount', { measure });
  if (look.codes > look.amounts && look.codes > look.texts) return role(col, 'code');
  if (look.texts > look.amounts && look.texts > look.codes) return role(col, 'name');
  if (measure) return role(col, 'amount', { measure });
  if (look.amounts === 0) return role(col, 'ignore');
  // an amount column whose header no vocabulary knows keeps its own name, never a guess
  const unknown = unknownMeasureId(path);
  return role(col, 'amount', { measure: unknown ?? 'amount', unknownHeader: unknown ? path.join('/') : null });
}

const GROUP_IDS: Array<[RegExp, string]> = [
  ...FUND_RULES,
  [/上年结转/, 'carryover'],
  // 中央 alone is no transfer: 扣除中央基建投资 (less central capital investment) heads comparisons
  [/转移支付|中央补助/, 'transfer'],
  [/当年/, 'current_year'],
  [/财政拨款/, 'fiscal'],
  [/预算/, 'budget'],
  [/决算/, 'final'],
];

/**
 * Columns that repeat a measure under different group headers (合计/基本/项目 under each fund)
 * are told apart by their group: gpb.total, gov_fund.basic … The first group keeps the plain id;
 * a repeat no group tells apart keeps its header's own name.
 */
export function qualifyRepeatedMeasures(grid: TableGrid, roles: ColumnRole[]): void {
  const amount = roles.filter((r) => r.role === 'amount' && r.measure);
  const seen = new Map<string, number>();
  for (const r of amount) {
    const m = r.measure!;
    const n = seen.get(m) ?? 0;
    seen.set(m, n + 1);
    if (n === 0) continue;
    const path = grid.headerPath(r.col);
    const groupOf = (parts: string[]) => [...parts].reverse().map((p) => GROUP_IDS.find(([re]) => re.test(p))?.[1]).find((g) => g !== undefined && g !== m);
    // the group above the column, else a fund named in its own header (因公出国费 / 政府性基金预算)
    const group = groupOf(path.slice(0, -1)) ?? groupOf(path.slice(-1));
    let qualified = group ? `${group}.${m}` : columnId(path);
    if (amount.some((o) => o !== r && o.measure === qualified)) qualified = `${qualified}_${n + 1}`;
    r.measure = qualified;
    if (!group) r.unknownHeader = path.join('/');
  }
}

/**
 * The 小计 of a column group that covers only some of the amount columns (财政拨款收入 over 小计 |
 * 一般公共预算 | 政府性基金) is the group's own measure; under a header over every amount column
 * (一般公共预算支出 over 合计 | 基本 | 项目) it stays the total.
 */
export function nameGroupSubtotals(grid: TableGrid, roles: ColumnRole[], ctx: MeasureContext): void {
  const amounts = roles.filter((r) => r.role === 'amount');
  for (const r of amounts) {
    const cells = grid.headerCells(r.col);
    const last = cells[cells.length - 1];
    const group = cells[cells.length - 2];
    if (!last || !group || !/^(小计|合计)$/.test(last.text.replace(/\s+/g, '')) || isMergedHeading(group.text)) continue;
    const covered = amounts.filter((a) => a.col >= group.col && a.col < group.col + group.colSpan).length;
    if (covered === amounts.length) continue;
    const named = measureOf([group.text], ctx);
    // a heading naming the table's own subject (一般公共预算基本支出 over a 一般公共预算基本支出表)
    // spans it all, however narrow its cell came out of a table without lines down
    const stem = ctx.kind.split('.')[1] ?? '';
    const ownSubject = named !== null && (stem.startsWith(named) || stem.split('_').includes(named));
    if (named && !ownSubject && named !== 'total' && named !== 'amount' && !amounts.some((a) => a !== r && a.measure === named)) {
      r.measure = named;
      r.unknownHeader = null;
    }
  }
}
