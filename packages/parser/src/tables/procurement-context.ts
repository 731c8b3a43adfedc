import { isTotalLabel } from './labels.ts';
import type { TableGrid } from './table-grid.ts';

/** Context fields in hierarchy order; a field printed resets the ones below it. */
const ORDER = ['category', 'special_item', 'econ_item', 'item', 'method'] as const;
type Field = (typeof ORDER)[number];

export interface ProcurementRow {
  level: 'total' | 'category' | 'econ_item' | 'item';
  label: string | null;
  context: Record<string, string>;
}

const clean = (t: string | undefined) => (t ?? '').replace(/\s+/g, '');

/**
 * Carries 采购品目大类 / 专项名称 / 经济科目 down the rows of a procurement table (across its
 * pages): each row's own cell, else a merged cell over it, else the last one printed above.
 */
export class ProcurementContext {
  private carried: Partial<Record<Field, string>> = {};

  constructor(
    private readonly grid: TableGrid,
    private readonly fields: Map<number, string>,
  ) {}

  read(row: number): ProcurementRow {
    const own: Partial<Record<Field, string>> = {};
    const merged: Partial<Record<Field, string>> = {};
    for (const [col, field] of this.fields) {
      const cell = this.grid.at(row, col);
      const text = clean(cell?.text);
      if (text === '') continue;
      // a merged cell started above carries its value; only an anchored one is printed here
      if (cell!.row === row) own[field as Field] = text;
      else merged[field as Field] = this.carried[field as Field] = text;
    }
    for (const f of ORDER) {
      if (own[f] === undefined) continue;
      this.carried[f] = own[f];
      for (const below of ORDER.slice(ORDER.indexOf(f) + 1)) if (own[below] === undefined) delete this.carried[below];
    }
    return this.levelOf(own, merged.item ?? own.item);
  }

  private levelOf(own: Partial<Record<Field, string>>, item: string | undefined): ProcurementRow {
    const c = this.carried;
    const pick = (fields: Field[]) => Object.fromEntries(fields.filter((f) => c[f] !== undefined).map((f) => [f, c[f]!]));
    if (own.category && isTotalLabel(own.category)) {
      this.carried = {};
      return { level: 'total', label: own.category, context: { level: 'total' } };
    }
    if (own.category) return { level: 'category', label: own.category, context: { level: 'category' } };
    if (item) return { level: 'item', label: item, context: { level: 'item', ...pick(['category', 'special_item', 'econ_item', 'method']) } };
    return { level: 'econ_item', label: c.econ_item ?? c.special_item ?? null, context: { level: 'econ_item', ...pick(['category', 'special_item']) } };
  }
}
