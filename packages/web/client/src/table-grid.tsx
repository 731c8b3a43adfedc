import { useEffect, useState } from 'preact/hooks';
import { getJson } from './api.ts';

interface GridCell {
  row: number;
  col: number;
  row_span: number;
  col_span: number;
  page: number | null;
  text: string;
}
interface GridRecord {
  row: number;
  col: number;
  code_resolved: string | null;
  measure: string;
  printed: string;
  amount_fen: number;
  corrected: string | null;
  page: number | null;
}

/** A parsed table as the grid the extractor found; cells that became records are marked. */
export function TableGrid({ sha256, idx, reloadKey, onGoto }: { sha256: string; idx: number; reloadKey: number; onGoto: (page: number) => void }) {
  const [data, setData] = useState<{ cells: GridCell[]; records: GridRecord[] } | null>(null);
  useEffect(() => {
    void getJson<typeof data>(`/api/documents/${sha256}/tables/${idx}`).then(setData);
  }, [sha256, idx, reloadKey]);
  if (!data) return <p>loading…</p>;
  const records = new Map(data.records.map((r) => [`${r.row}|${r.col}`, r]));
  const rows = new Map<number, GridCell[]>();
  for (const c of data.cells) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
  return (
    <table class="grid" data-table={idx}>
      <tbody>
        {[...rows.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([r, cells]) => (
            <tr>
              {cells.map((c) => {
                const rec = records.get(`${r}|${c.col}`);
                return (
                  <td
                    rowSpan={c.row_span}
                    colSpan={c.col_span}
                    class={rec ? `rec ${rec.corrected ? 'corrected' : ''}` : ''}
                    title={rec ? `${rec.code_resolved ?? ''} ${rec.measure} = ${rec.amount_fen} 分` : ''}
                    onClick={() => rec?.page && onGoto(rec.page)}
                  >
                    {c.text}
                    {rec?.corrected && <span class="fix"> ✎</span>}
                  </td>
                );
              })}
            </tr>
          ))}
      </tbody>
    </table>
  );
}
