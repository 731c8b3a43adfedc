import type { AmountRecord, Cell, CodeMethod, LineItem, Table } from '@juesuan/model';
import { looksLikeAmount, parseAmount } from '../amounts/parse-amount.ts';
import type { Catalog } from '../catalog/catalog.ts';
import { codeLevel, nameSimilarity, normalizeName, parentCode } from '../catalog/catalog.ts';
import { isTwoSided } from './classify-table.ts';
import { cleanLabel, hasNumbering, isTotalLabel, labelKey } from './labels.ts';
import { measureOf } from './measures.ts';
import { TableGrid } from './table-grid.ts';

type Role = 'code' | 'alt_code' | 'name' | 'line_no' | 'amount' | 'ignore';

export interface TableContext {
  kind: string;
  unit: string;
  unitAssumed: boolean;
  functional: Catalog;
  economic: Catalog;
}

interface PanelSpec {
  colStart: number;
  colEnd: number;
  side: 'income' | 'expenditure' | null;
  panel: string | null;
}

const CODE_HEADER = /编码|代码|^类$|^款$|^项$/;
const NAME_HEADER = /名称|^项目$|^科目$|^项目名称$/;
const LINE_HEADER = /^(行次|栏次)$/;

function panelsOf(table: Table, kind: string): PanelSpec[] {
  const all: PanelSpec = { colStart: 0, colEnd: table.nCols - 1, side: null, panel: null };
  const wantsPanels = isTwoSided(kind) || kind.endsWith('.gpb_basic');
  if (!wantsPanels || table.panels.length < 2) {
    return [all];
  }
  return table.panels.map((p, i) => ({
    colStart: p.colStart,
    colEnd: p.colEnd,
    side: isTwoSided(kind) ? (i === 0 ? 'income' : 'expenditure') : null,
    panel: kind.startsWith('final') && kind.endsWith('.gpb_basic') ? (i === 0 ? 'personnel' : 'public') : null,
  }));
}

function columnRole(grid: TableGrid, col: number, kind: string, side: PanelSpec['side']): { role: Role; measure: string | null; splitPart: boolean } {
  const path = grid.headerPath(col);
  const last = path[path.length - 1] ?? '';
  // the budget unit's own code (347001) is not part of the account code, but conversions
  // sometimes shift the full account code into that column
  if (path.some((p) => /单位(代码|编码)/.test(p))) return { role: 'alt_code', measure: null, splitPart: false };
  if (path.some((p) => LINE_HEADER.test(p))) return { role: 'line_no', measure: null, splitPart: false };
  const deepest = (re: RegExp) => path.reduce((found, p, i) => (re.test(p) ? i : found), -1);
  const codeAt = deepest(CODE_HEADER);
  const nameAt = deepest(NAME_HEADER);
  if (codeAt >= 0 && codeAt > nameAt) return { role: 'code', measure: null, splitPart: /^(类|款|项)$/.test(last) };
  if (nameAt >= 0 && nameAt === path.length - 1) return { role: 'name', measure: null, splitPart: false };
  // from the data when the header does not say
  let codes = 0;
  let amounts = 0;
  let texts = 0;
  for (let r = grid.table.headerRows; r < grid.table.nRows; r++) {
    const t = grid.anchor(r, col)?.text.trim() ?? '';
    if (t === '') continue;
    if (/^\d{2,7}$/.test(t)) codes++;
    else if (looksLikeAmount(t)) amounts++;
    else texts++;
  }
  // a header that names a measure wins over the look of the data: amounts printed as whole
  // numbers (2350000) look like codes
  const measure = path.length > 0 ? measureOf(path, kind, side) : null;
  if (measure && texts <= amounts + codes) return { role: 'amount', measure, splitPart: false };
  if (codes > amounts && codes > texts) return { role: 'code', measure: null, splitPart: false };
  if (texts > amounts && texts > codes) return { role: 'name', measure: null, splitPart: false };
  if (measure) return { role: 'amount', measure, splitPart: false };
  return { role: amounts > 0 ? 'amount' : 'ignore', measure: amounts > 0 ? 'amount' : null, splitPart: false };
}

const GROUP_IDS: Array<[RegExp, string]> = [
  [/一般公共/, 'gpb'],
  [/政府性基金/, 'gov_fund'],
  [/国有资本/, 'soe_capital'],
  [/上年结转/, 'carryover'],
  [/转移支付|中央/, 'transfer'],
  [/当年/, 'current_year'],
  [/财政拨款/, 'fiscal'],
  [/预算/, 'budget'],
  [/决算/, 'final'],
];

/**
 * Columns that repeat a measure under different group headers (合计/基本/项目 under each fund)
 * are told apart by their group: gpb.total, gov_fund.basic … The first group keeps the plain id.
 */
function qualifyRepeatedMeasures(grid: TableGrid, roles: Array<{ col: number; role: Role; measure: string | null }>): void {
  const amount = roles.filter((r) => r.role === 'amount' && r.measure);
  const seen = new Map<string, number>();
  for (const r of amount) {
    const m = r.measure!;
    const n = seen.get(m) ?? 0;
    seen.set(m, n + 1);
    if (n === 0) continue;
    const path = grid.headerPath(r.col);
    const group = [...path.slice(0, -1)].reverse().map((p) => GROUP_IDS.find(([re]) => re.test(p))?.[1]).find((g) => g !== undefined);
    let qualified = group ? `${group}.${m}` : `${m}_${n + 1}`;
    if (amount.some((o) => o !== r && o.measure === qualified)) qualified = `${qualified}_${n + 1}`;
    r.measure = qualified;
  }
}

export interface ParsedTableRecords {
  records: AmountRecord[];
  lineItems: LineItem[];
  measures: Array<string | null>;
}

/**
 * Parts of a code printed over 类/款/项 columns, joined: a 款 or 项 printed without its leading
 * zero (201 | 3 | 1) is padded to two digits (2010301). Parts that are not a 类 and then
 * one- or two-digit parts are joined as printed.
 */
export function normalizeSplitCode(parts: string[]): string {
  if (parts.length < 2 || parts[0]!.length !== 3 || parts.slice(1).some((p) => p.length > 2)) return parts.join('');
  return parts[0]! + parts.slice(1).map((p) => p.padStart(2, '0')).join('');
}

/**
 * Code columns whose leading parts are blank while a later one holds digits (   | 03 |    under
 * 201 | | ): the blank parts come from the last code printed with its 类, so 03 becomes 201 03.
 */
export function inheritSplitPrefix(texts: string[], last: Array<string | null> | null): Array<string | null> | null {
  if (!last || texts.length < 2 || texts[0] !== '') return null;
  const first = texts.findIndex((t) => t !== '');
  if (first <= 0 || !texts.slice(first).every((t) => t === '' || /^\d{1,2}$/.test(t))) return null;
  // the same or a deeper level: all the parts above it must be known
  if (last.slice(0, first).some((t) => t === null)) return null;
  return [...last.slice(0, first), ...texts.slice(first).map((t) => (t === '' ? null : t))];
}

/** One table → one record per numeric cell, each with its row's code or label and its measure. */
export function parseTable(table: Table, tableIndex: number, ctx: TableContext): ParsedTableRecords {
  const grid = new TableGrid(table);
  const records: AmountRecord[] = [];
  const lineItems: LineItem[] = [];
  const measures: Array<string | null> = Array.from({ length: table.nCols }, () => null);
  const coded = !isTwoSided(ctx.kind) && !ctx.kind.endsWith('.three_public');
  const catalog = ctx.kind.endsWith('.gpb_basic') || ctx.kind.endsWith('fiscal_by_econ') ? ctx.economic : ctx.functional;

  for (const panel of panelsOf(table, ctx.kind)) {
    const roles: Array<ReturnType<typeof columnRole> & { col: number }> = [];
    for (let c = panel.colStart; c <= panel.colEnd; c++) roles.push({ col: c, ...columnRole(grid, c, ctx.kind, panel.side) });
    qualifyRepeatedMeasures(grid, roles);
    for (const r of roles) if (r.role === 'amount') measures[r.col] = r.measure;
    const codeCols = roles.filter((r) => r.role === 'code').map((r) => r.col);
    const altCodeCols = roles.filter((r) => r.role === 'alt_code').map((r) => r.col);
    const nameCol = roles.find((r) => r.role === 'name')?.col ?? null;
    const amountCols = roles.filter((r) => r.role === 'amount');
    let parentLabel: string | null = null;
    let pastTotal = false;
    let lastSplit: Array<string | null> | null = null;

    for (let row = table.headerRows; row < table.nRows; row++) {
      // the name cell may be merged with the code columns (合计 / 人员经费合计 rows)
      const nameCell = nameCol !== null ? grid.at(row, nameCol) : undefined;
      if (nameCell && nameCell.row !== row) continue;
      const rawLabel = nameCell ? cleanLabel(nameCell.text) : '';
      if (/^(注|备注)[:：]/.test(rawLabel)) continue;
      // code: one printed piece, or parts over 类/款/项 columns
      const texts = codeCols.map((c) => grid.anchor(row, c)?.text.replace(/\s+/g, '') ?? '');
      const parts = texts.filter((t) => /^\d+$/.test(t));
      // a layout that prints only the new part of a code (blank 类 under a 类 row): the rest from above
      const inherited = inheritSplitPrefix(texts, lastSplit);
      if (texts.length >= 2 && texts[0] !== '' && parts.length === texts.filter((t) => t !== '').length) lastSplit = texts.map((t) => (t === '' ? null : t));
      else if (inherited) lastSplit = inherited;
      let code: string | null = null;
      let codePrinted: string | null = null;
      let method: CodeMethod = 'none';
      let score = 0;
      let label: string | null = rawLabel === '' ? null : rawLabel;
      const flags: string[] = [];
      const joined = parts.join('');
      // a full code that extends the split parts (301 | 02 → 3010201) wins over them
      const alt = altCodeCols
        .map((c) => grid.anchor(row, c)?.text.replace(/\s+/g, '') ?? '')
        .find((t) => /^(\d{3}|\d{5}|\d{7})$/.test(t) && t.startsWith(joined) && t.length >= joined.length && (joined !== '' || codeCols.length > 0));
      if (coded && alt) {
        code = alt;
        method = 'printed';
        score = 1;
      } else if (coded && inherited) {
        code = normalizeSplitCode(inherited.filter((t): t is string => t !== null));
        codePrinted = joined;
        method = 'split';
        score = 1;
      } else if (coded && parts.length > 0) {
        code = normalizeSplitCode(parts);
        if (code !== joined) codePrinted = joined;
        method = parts.length > 1 ? 'split' : 'printed';
        score = 1;
      } else if (coded && label) {
        const m = /^(\d{3,7})\s*(\S.*)$/.exec(label);
        if (m) {
          code = m[1]!;
          label = m[2]!;
          method = 'in_name';
          score = 1;
        } else if (!isTotalLabel(label)) {
          const match = catalog.matchName(label);
          if (match) {
            code = match.entry.code;
            method = match.method;
            score = match.score;
            if (match.tie) flags.push('code_tie');
            if (match.method === 'name_fuzzy' && match.score < 0.9) flags.push('code_low_score');
          }
        }
      }
      if (code && coded && !catalog.get(code) && !(catalog.kind === 'economic' && code.length === 7 && catalog.get(code.slice(0, 5)))) flags.push('code_unknown');
      // a printed code whose catalog name is far from the printed name, while the name is exactly
      // another code's: a misprint or misread of the code (kept as printed, flagged)
      let nameCode: string | null = null;
      if (code && label && (method === 'printed' || method === 'split')) {
        const byName = catalog.matchName(label);
        const entry = catalog.get(code);
        if (byName && byName.method === 'name_exact' && !byName.tie && byName.entry.code !== code && (!entry || nameSimilarity(normalizeName(entry.name), normalizeName(label)) < 0.5)) {
          flags.push('code_name_mismatch');
          nameCode = byName.entry.code;
        }
      }
      if (code === null && label !== null) method = 'label';

      // two-sided tables: rows after 本年…合计 numbered again belong to the last un-numbered label
      let rowParent: string | null = null;
      if (isTwoSided(ctx.kind) && label) {
        if (/合计/.test(label)) pastTotal = true;
        else if (pastTotal && !hasNumbering(label) && !/总计/.test(label)) parentLabel = label;
        else if (pastTotal && hasNumbering(label) && parentLabel) rowParent = parentLabel;
      }

      const before = records.length;
      for (const ac of amountCols) {
        const cell: Cell | undefined = grid.anchor(row, ac.col);
        if (!cell) continue;
        const printed = cell.text.trim();
        if (printed === '' || !looksLikeAmount(printed)) continue;
        const parsed = parseAmount(printed, ctx.unit);
        if (!parsed) continue;
        const cellFlags = [...flags];
        if (parsed.inexact) cellFlags.push('inexact_decimals');
        if (ctx.unitAssumed) cellFlags.push('unit_assumed');
        if (cell.source === 'ocr' && cell.confidence < 0.8) cellFlags.push('low_confidence');
        records.push({
          tableIndex,
          table: ctx.kind,
          page: cell.page,
          bbox: cell.bbox,
          row,
          col: ac.col,
          side: panel.side,
          panel: panel.panel,
          code,
          codePrinted,
          codeMethod: method,
          codeScore: score,
          codeLevel: code ? codeLevel(code) : null,
          parentCode: code ? parentCode(code) : null,
          classCode: null,
          label,
          labelKey: label ? labelKey(label) : null,
          parentLabel: rowParent,
          measure: ac.measure ?? 'amount',
          printed,
          unit: ctx.unit,
          amountFen: parsed.fen,
          flags: nameCode ? [...cellFlags, `name_says:${nameCode}`] : cellFlags,
        });
      }
      if (code !== null || label !== null) {
        lineItems.push({
          tableIndex,
          table: ctx.kind,
          row,
          page: nameCell?.page ?? grid.anchor(row, codeCols[0] ?? 0)?.page ?? null,
          side: panel.side,
          panel: panel.panel,
          code,
          codeMethod: method,
          codeScore: score,
          label,
          labelKey: label ? labelKey(label) : null,
          amounts: records.length - before,
        });
      }
    }
  }
  return { records, lineItems, measures };
}
