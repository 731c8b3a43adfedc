import type { AmountRecord, ParsedTable } from '@juesuan/model';
import { groupBy } from '../group-by.ts';
import { ROW_IDENTITIES, rowIdentityApplies } from '../registry/row-identities.ts';
import { kindSpec } from '../registry/table-kinds.ts';
import { holdsExactly } from '../validate/identities.ts';
import { flagWith } from '../flags.ts';

/** So many rows with amounts must add up before a column is named by the sum it holds. */
const ROWS_CONFIRMING = 3;

/**
 * An OCR table's one column whose header no vocabulary knows (合计 read ||大计) is the row total its
 * kind prints but the header did not name, when in every row it is exactly the sum of the parts
 * beside it: its records take the measure, the header as read kept in a `measure_read:` flag.
 */
export function nameTotalsBySum(records: AmountRecord[], tables: ParsedTable[], ocrTables: ReadonlySet<number>): void {
  for (const table of tables.filter((t) => ocrTables.has(t.index))) {
    const unknown = [...new Set(table.measures.filter((m): m is string => m?.startsWith('col:') ?? false))];
    if (unknown.length !== 1) continue;
    const own = records.filter((r) => r.tableIndex === table.index);
    const measures = new Set(own.map((r) => r.measure));
    const ids = kindSpec(table.kind)?.rowIdentities ?? [];
    const spec = ROW_IDENTITIES.find((s) => ids.includes(s.id) && !measures.has(s.target) && s.parts.some((p) => measures.has(p)) && rowIdentityApplies(s, measures));
    if (!spec || !sumsInEveryRow(own, unknown[0]!, spec.parts)) continue;
    for (const r of own.filter((x) => x.measure === unknown[0])) {
      r.flags.push(flagWith('measure_read', r.measure));
      r.measure = spec.target;
    }
    table.measures = table.measures.map((m) => (m === unknown[0] ? spec.target : m));
  }
}

/** Every row's amount in the column equals the sum of the parts' amounts in its row, on enough rows with amounts. */
function sumsInEveryRow(records: AmountRecord[], column: string, parts: string[]): boolean {
  const rows = groupBy(records, (r) => `${r.page}|${r.row}|${r.side ?? ''}|${r.panel ?? ''}`);
  let confirmed = 0;
  for (const row of rows.values()) {
    const target = row.find((r) => r.measure === column);
    if (!target) continue;
    const summands = row.filter((r) => parts.includes(r.measure));
    if (!holdsExactly({ rule: '', target, summands, descriptionZh: '', descriptionEn: '' })) return false;
    if (target.amountFen !== 0) confirmed++;
  }
  return confirmed >= ROWS_CONFIRMING;
}
