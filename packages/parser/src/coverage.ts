import type { ExtractedDocument, ParsedDocument } from '@juesuan/model';
import { looksLikeAmount } from './amounts/parse-amount.ts';
import { kindSpec } from './registry/table-kinds.ts';

/** What became of the numbers printed in a document's tables. */
export interface Coverage {
  /** amounts that reached a record */
  reached: number;
  /** amounts that did not: the figure that must be 0 */
  missed: number;
  /** numbers that are not amounts, counted apart: codes, 栏次 and header numbers, numbers inside names, text tables */
  codes: number;
  header: number;
  inText: number;
  textTables: number;
  /** reached / (reached + missed); 1 when a document prints no amount */
  share: number;
  /** where the missed amounts stand: table index, page, printed */
  misses: Array<{ table: number; page: number | null; printed: string }>;
}

const NUMBER = /\(?-?\d[\d,]*(?:\.\d+)?\)?/g;
const CODE = /^\d{3}(?:\d{2}){0,2}$/;

/** Every number printed in the tables, sorted into amounts reached or missed and numbers that are no amounts. */
export function coverageOf(doc: ExtractedDocument, parsed: ParsedDocument): Coverage {
  const c: Coverage = { reached: 0, missed: 0, codes: 0, header: 0, inText: 0, textTables: 0, share: 1, misses: [] };
  const recorded = new Set(parsed.records.map((r) => `${r.tableIndex}:${r.row}:${r.col}`));
  for (const table of doc.tables) {
    const parsedTable = parsed.tables.find((t) => t.index === table.index);
    const kind = parsedTable?.kind ?? 'other';
    const textTable = kindSpec(kind)?.parse === false;
    for (const cell of table.cells) {
      const text = cell.text.replace(/\s+/g, '');
      const numbers = text.match(NUMBER)?.length ?? 0;
      if (numbers === 0) continue;
      const amountColumn = kind === 'other' ? !CODE.test(text) : parsedTable?.measures[cell.col] != null;
      if (cell.row < table.headerRows) c.header += numbers;
      else if (textTable) c.textTables += numbers;
      else if (recorded.has(`${table.index}:${cell.row}:${cell.col}`)) c.reached++;
      else if (amountColumn && looksLikeAmount(text)) {
        c.missed++;
        c.misses.push({ table: table.index, page: cell.page, printed: text });
      } else if (/^\d+$/.test(text)) c.codes++;
      else c.inText += numbers;
    }
  }
  c.share = c.reached + c.missed === 0 ? 1 : c.reached / (c.reached + c.missed);
  return c;
}
