import { csvField } from '@juesuan/loader';

/** Rows as an aligned text table, CSV or JSON. */
export function formatRows(rows: Array<Record<string, unknown>>, format: 'table' | 'csv' | 'json'): string {
  if (format === 'json') return JSON.stringify(rows, null, 2);
  const columns = rows.length > 0 ? Object.keys(rows[0]!) : [];
  if (format === 'csv') return [columns.map(csvField).join(','), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))].join('\n');
  if (rows.length === 0) return '(no rows)';
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const widths = columns.map((c) => Math.min(60, Math.max(width(c), ...rows.map((r) => width(text(r[c]))))));
  // cut by display width (a Chinese character takes two columns), then pad to the column
  const pad = (s: string, w: number) => {
    let cut = '';
    for (const ch of s) {
      if (width(cut + ch) > w) break;
      cut += ch;
    }
    return cut + ' '.repeat(Math.max(0, w - width(cut)));
  };
  const lines = [columns.map((c, i) => pad(c, widths[i]!)).join('  '), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows) lines.push(columns.map((c, i) => pad(text(r[c]), widths[i]!)).join('  '));
  return lines.join('\n');
}
