import { isAccountCode, isLineNumbering, startsDataLabel } from '@juesuan/model';
import { isDecimalAmount, isGroupedNumber } from './amount-text.ts';

/** Cells of one row as text, by anchor column. */
export type RowTexts = Map<number, string>;

/** What a row holds that only data holds: an amount, an account code, a row label. */
function dataSigns(row: RowTexts): { texts: string[]; amount: boolean; code: boolean; label: boolean } {
  const texts = [...row.values()].map((t) => t.replace(/\s/g, '')).filter((t) => t !== '');
  return { texts, amount: texts.some((t) => isDecimalAmount(t) || isGroupedNumber(t)), code: texts.some(isAccountCode), label: texts.some(startsDataLabel) };
}

/** A header row names columns; the first row with an amount, a code or a row label starts the data. */
export function countHeaderRows(rows: RowTexts[]): number {
  for (let r = 0; r < rows.length; r++) {
    const signs = dataSigns(rows[r]!);
    if (signs.texts.length === 0) continue;
    // 栏次 / 行次 numbering rows belong to the header
    if (signs.texts.some(isLineNumbering)) continue;
    if (signs.amount || signs.label) return r;
    if (signs.code && !codeReadInHeader(rows, r)) return r;
  }
  return rows.length;
}

/**
 * A code alone in a row, no amount beside it, over a row that names columns only (OCR read a
 * heading 2026年 as 20264 over 总计 | 财政拨款 …): a header's misread word, not a data row.
 */
function codeReadInHeader(rows: RowTexts[], r: number): boolean {
  const next = rows.slice(r + 1).map(dataSigns).find((s) => s.texts.length > 0 && !s.texts.some(isLineNumbering));
  // column names: several of them (one text alone may be a long label's second line)
  return next !== undefined && next.texts.length >= 2 && !next.amount && !next.code && !next.label;
}

/** A header text as compared across pages: no spaces or quotes (OCR reads 项目 as 项“目 alike on both). */
const headerText = (t: string) => t.replace(/[\s“”"'‘’]/g, '');

/** A row holding no amount and a text of two characters or more that the header rows hold too: the header printed again. */
export function repeatsHeader(row: RowTexts, header: RowTexts[]): boolean {
  if (dataSigns(row).amount) return false;
  const texts = [...row.values()].map(headerText).filter((t) => t !== '');
  const named = new Set(header.flatMap((r) => [...r.values()].map(headerText)));
  return texts.some((t) => t.length >= 2 && named.has(t));
}

/** A header text that can name a panel's column: a word with Chinese in it, not a stroke OCR read as 【 or |. */
const PANEL_WORD = /^(?=.*[\u4e00-\u9fff]).{2,}$/u;

/**
 * Side-by-side panels: a header word that repeats at a fixed column step across the table
 * (科目名称 … 科目名称) marks where each panel starts.
 */
export function detectPanels(headerRows: RowTexts[], nCols: number): Array<{ index: number; colStart: number; colEnd: number }> {
  for (const row of headerRows) {
    const positions = new Map<string, number[]>();
    for (const [col, text] of row) {
      const t = text.replace(/\s/g, '');
      if (!PANEL_WORD.test(t)) continue;
      positions.set(t, [...(positions.get(t) ?? []), col]);
    }
    for (const [, cols] of positions) {
      if (cols.length < 2 || cols.length > 3) continue;
      cols.sort((a, b) => a - b);
      const step = cols[1]! - cols[0]!;
      if (step < 2) continue;
      if (!cols.every((c, i) => i === 0 || c - cols[i - 1]! === step)) continue;
      const offset = cols[0]!;
      if (offset >= step) continue;
      const panels = cols.map((c, i) => ({ index: i, colStart: c - offset, colEnd: i + 1 < cols.length ? cols[i + 1]! - offset - 1 : nCols - 1 }));
      return panels;
    }
  }
  return [];
}
