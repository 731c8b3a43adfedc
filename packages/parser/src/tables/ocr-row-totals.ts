import type { AmountRecord, ParsedTable } from '@juesuan/model';
import { groupBy } from '../group-by.ts';
import type { RowIdentitySpec } from '../registry/row-identities.ts';
import { ROW_IDENTITIES, rowIdentityApplies } from '../registry/row-identities.ts';
import { kindSpec } from '../registry/table-kinds.ts';
import type { Identity } from '../validate/identities.ts';
import { holds, holdsExactly } from '../validate/identities.ts';
import { flagWith } from '../flags.ts';
import { measureOf } from './measures.ts';

/** So many rows with amounts must add up before a column is named by the sum it holds. */
const ROWS_CONFIRMING = 3;

/**
 * An OCR table's one column whose header no vocabulary knows is named by a row identity of its
 * kind that it completes: the row total the header did not name (合计 read ||大计), or the one part
 * the table's other columns leave unnamed (一般公共预算财政拨款 read \共预算人势款日 beside 合计,
 * 政府性基金 and 国有资本). In every row with it, the identity must hold with it in that place, as
 * the validator holds it (within the printer's rounding), and exactly in enough rows: its records
 * take the measure, the header as read kept in a `measure_read:` flag.
 */
export function nameTotalsBySum(records: AmountRecord[], tables: ParsedTable[], ocrTables: ReadonlySet<number>): void {
  for (const table of tables.filter((t) => ocrTables.has(t.index))) {
    const unknown = [...new Set(table.measures.filter((m): m is string => m?.startsWith('col:') ?? false))];
    if (unknown.length !== 1 || headerWasRead(unknown[0]!, table.kind)) continue;
    const own = records.filter((r) => r.tableIndex === table.index);
    const named = new Set([...table.measures, ...own.map((r) => r.measure)].filter((m): m is string => m !== null && m !== unknown[0]));
    const specs = ROW_IDENTITIES.filter((s) => (kindSpec(table.kind)?.rowIdentities ?? []).includes(s.id));
    const measure = specs.map((s) => placeIn(s, named)).find((as, i) => as !== null && holdsWithColumnAs(own, unknown[0]!, as, specs[i]!)) ?? null;
    if (measure === null) continue;
    for (const r of own.filter((x) => x.measure === unknown[0])) {
      r.flags.push(flagWith('measure_read', r.measure));
      r.measure = measure;
    }
    table.measures = table.measures.map((m) => (m === unknown[0] ? measure : m));
  }
}

/**
 * Whether an unknown column's own header is a word of the vocabulary: a second 小计 (本年收入 / 小计
 * beside 总计) that no group tells apart was read right, and its sums say only which columns it adds.
 */
function headerWasRead(unknown: string, kind: string): boolean {
  // its header path, less the 栏次 numbering row (…/小计/2)
  const own = unknown.replace(/^col:/, '').split('/').filter((p) => !/^\d+$/.test(p)).at(-1);
  return own !== undefined && measureOf([own], { kind, side: null, threePublicGroup: false }) !== null;
}

/** The place an unnamed column could take in the identity: its target where the table names parts but no target, else its one part the table leaves unnamed. */
function placeIn(spec: RowIdentitySpec, named: ReadonlySet<string>): string | null {
  if (!named.has(spec.target)) return spec.parts.some((p) => named.has(p)) && rowIdentityApplies(spec, named) ? spec.target : null;
  const missing = spec.parts.filter((p) => !named.has(p));
  return missing.length === 1 && rowIdentityApplies(spec, new Set([...named, missing[0]!])) ? missing[0]! : null;
}

/** With the column taken for `as`, the identity holds in every row that has the column, and exactly on enough rows with amounts. */
function holdsWithColumnAs(records: AmountRecord[], column: string, as: string, spec: RowIdentitySpec): boolean {
  const rows = groupBy(records, (r) => `${r.page}|${r.row}|${r.side ?? ''}|${r.panel ?? ''}`);
  let confirmed = 0;
  for (const row of rows.values()) {
    const mine = row.find((r) => r.measure === column);
    if (!mine) continue;
    const read = row.map((r) => (r === mine ? { ...r, measure: as } : r));
    const target = read.find((r) => r.measure === spec.target);
    if (!target) return false;
    const sum: Identity = { rule: '', target, summands: read.filter((r) => spec.parts.includes(r.measure)), descriptionZh: '', descriptionEn: '' };
    if (!holds(sum)) return false;
    if (mine.amountFen !== 0 && holdsExactly(sum)) confirmed++;
  }
  return confirmed >= ROWS_CONFIRMING;
}
