import type { Cell, Table } from '@juesuan/model';
import { isNumberingRow } from '@juesuan/model';

/** Random access to a table's cells by position, spans included. */
export class TableGrid {
  private readonly anchors = new Map<string, Cell>();
  private readonly covering = new Map<string, Cell>();

  constructor(readonly table: Table) {
    for (const c of table.cells) {
      this.anchors.set(`${c.row}:${c.col}`, c);
      for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) this.covering.set(`${r}:${k}`, c);
    }
  }

  /** The cell whose top-left corner is at (row, col). */
  anchor(row: number, col: number): Cell | undefined {
    return this.anchors.get(`${row}:${col}`);
  }

  /** The cell that covers (row, col), wherever its corner is. */
  at(row: number, col: number): Cell | undefined {
    return this.covering.get(`${row}:${col}`);
  }

  /** A 栏次 row numbers the columns (栏次 | 1 | 2 …): it names none of them. */
  private isNumberingRow(row: number): boolean {
    return isNumberingRow(this.table.cells.filter((c) => c.row === row).map((c) => c.text));
  }

  /** Header cells above a column, top to bottom, each merged cell once. */
  headerCells(col: number): Cell[] {
    const out: Cell[] = [];
    for (let r = 0; r < this.table.headerRows; r++) {
      if (this.isNumberingRow(r)) continue;
      const c = this.at(r, col);
      if (c && c !== out[out.length - 1] && c.text.trim() !== '') out.push(c);
    }
    return out;
  }

  /** Header texts above a column, top to bottom, each merged cell once. */
  headerPath(col: number): string[] {
    const path: string[] = [];
    let last: Cell | undefined;
    for (let r = 0; r < this.table.headerRows; r++) {
      if (this.isNumberingRow(r)) continue;
      const c = this.at(r, col);
      if (c && c !== last && c.text.trim() !== '') path.push(c.text.replace(/\s+/g, ''));
      last = c;
    }
    return path;
  }
}
