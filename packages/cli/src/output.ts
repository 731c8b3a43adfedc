/** Rows as an aligned text table under its column names (shown even when there are no rows). */
export function formatTable(rows: Array<Record<string, unknown>>, columns: readonly string[]): string {
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
  if (rows.length === 0) lines.push('(no rows)');
  return lines.join('\n');
}
