import type { CodeMethod } from '@juesuan/model';
import { isAccountCode } from '@juesuan/model';
import type { Catalog } from '../catalog/catalog.ts';
import { nameSimilarity, normalizeName } from '../catalog/catalog.ts';
import { isTotalLabel } from './labels.ts';
import { flagWith } from '../flags.ts';
import type { TableGrid } from './table-grid.ts';

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

export interface RowCode {
  code: string | null;
  codePrinted: string | null;
  method: CodeMethod;
  score: number;
  label: string | null;
  flags: string[];
  /** the code the row's name is the exact catalog name of, where it contradicts the printed code */
  nameCode: string | null;
}

export interface CodeColumns {
  codeCols: number[];
  altCodeCols: number[];
}

/** Reads a row's account code: printed, split over 类/款/项, inherited, in the name, or by name. */
export class RowCodeReader {
  private lastSplit: Array<string | null> | null = null;

  constructor(
    private readonly grid: TableGrid,
    private readonly cols: CodeColumns,
    private readonly catalog: Catalog,
  ) {}

  read(row: number, rawLabel: string): RowCode {
    const { grid, cols, catalog } = this;
    const texts = cols.codeCols.map((c) => grid.anchor(row, c)?.text.replace(/\s+/g, '') ?? '');
    const parts = texts.filter((t) => /^\d+$/.test(t));
    // a layout that prints only the new part of a code (blank 类 under a 类 row): the rest from above
    const inherited = inheritSplitPrefix(texts, this.lastSplit);
    if (texts.length >= 2 && texts[0] !== '' && parts.length === texts.filter((t) => t !== '').length) this.lastSplit = texts.map((t) => (t === '' ? null : t));
    else if (inherited) this.lastSplit = inherited;
    const out: RowCode = { code: null, codePrinted: null, method: 'none', score: 0, label: rawLabel === '' ? null : rawLabel, flags: [], nameCode: null };
    const other = this.otherReading(row, parts);
    if (other) {
      out.flags.push(flagWith('code_read', parts[0]!));
      parts.splice(0, 1, other);
    } else if (this.noCode(parts)) {
      // what was read kept beside the row, which then has no code (or its name's)
      out.flags.push(flagWith('code_read', parts[0]!));
      parts.length = 0;
    }
    const joined = parts.join('');
    // a full code that extends the split parts (301 | 02 → 3010201) wins over them
    const alt = cols.altCodeCols
      .map((c) => grid.anchor(row, c)?.text.replace(/\s+/g, '') ?? '')
      .find((t) => isAccountCode(t) && t.startsWith(joined) && (joined !== '' || cols.codeCols.length > 0));
    if (alt) Object.assign(out, { code: alt, method: 'printed', score: 1 });
    else if (inherited) Object.assign(out, { code: normalizeSplitCode(inherited.filter((t): t is string => t !== null)), codePrinted: joined, method: 'split', score: 1 });
    else if (parts.length > 0) {
      const code = normalizeSplitCode(parts);
      Object.assign(out, { code, codePrinted: code !== joined ? joined : null, method: parts.length > 1 ? 'split' : 'printed', score: 1 });
    } else if (out.label) this.fromLabel(out, out.label);
    if (out.code && !catalog.get(out.code) && !(catalog.kind === 'economic' && out.code.length === 7 && catalog.get(out.code.slice(0, 5)))) out.flags.push('code_unknown');
    this.checkName(out);
    if (out.code === null && out.label !== null) out.method = 'label';
    return out;
  }

  /**
   * A code column's OCR reading that is no code (302499: a split 4 read as two digits) whose cell
   * was also read as a code of the catalog (30299): that reading, the only one.
   */
  private otherReading(row: number, parts: string[]): string | null {
    if (this.cols.codeCols.length !== 1 || parts.length !== 1 || isAccountCode(parts[0]!)) return null;
    const cell = this.grid.anchor(row, this.cols.codeCols[0]!);
    const codes = [...new Set(cell?.alternatives ?? [])].filter((t) => isAccountCode(t) && this.catalog.get(t) !== undefined);
    return codes.length === 1 ? codes[0]! : null;
  }

  /**
   * A lone code column's one or two digits: no account code (a speck OCR read as 2 in an empty
   * code cell of a 200-dpi heavy scan, a footnote's mark), never taken as one.
   */
  private noCode(parts: string[]): boolean {
    return this.cols.codeCols.length === 1 && parts.length === 1 && parts[0]!.length < 3;
  }

  private fromLabel(out: RowCode, label: string): void {
    // 2010101 行政运行, or the code in brackets: [201]一般公共服务支出
    const m = /^[[【]?(\d{3}|\d{5}|\d{7})[\]】]?\s*([^\d\s].*)$/.exec(label);
    if (m) {
      Object.assign(out, { code: m[1]!, label: m[2]!, method: 'in_name', score: 1 });
      return;
    }
    if (isTotalLabel(label)) return;
    const match = this.catalog.matchName(label);
    if (!match) return;
    Object.assign(out, { code: match.entry.code, method: match.method, score: match.score });
    if (match.tie) out.flags.push('code_tie');
    if (match.method === 'name_fuzzy' && match.score < 0.9) out.flags.push('code_low_score');
  }

  /** A printed code whose catalog name is far from the printed name, while the name is exactly another code's: flagged. */
  private checkName(out: RowCode): void {
    if (!out.code || !out.label || (out.method !== 'printed' && out.method !== 'split')) return;
    const byName = this.catalog.matchName(out.label);
    const entry = this.catalog.get(out.code);
    if (byName && byName.method === 'name_exact' && !byName.tie && byName.entry.code !== out.code && (!entry || nameSimilarity(normalizeName(entry.name), normalizeName(out.label)) < 0.5)) {
      out.flags.push('code_name_mismatch');
      out.nameCode = byName.entry.code;
    }
  }
}
