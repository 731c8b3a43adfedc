import * as Plot from '@observablehq/plot';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getJson, query } from './api.ts';
import { yuan } from './format.ts';
import { SqlBox } from './sql-box.tsx';

interface Options {
  tables: Array<{ table: string; measure: string; records: number }>;
  regions: string[];
  years: number[];
}
interface CodeOption {
  code: string;
  label: string | null;
  name: string | null;
  documents: number;
}
interface Rows<T> {
  columns: string[];
  rows: T[];
  name: string | null;
}
interface PivotRow {
  region: string | null;
  fiscal_year: number | null;
  amount_fen: number;
  documents: number;
}
interface AcrossRow {
  document_sha256: string;
  file: string;
  department: string | null;
  region: string | null;
  fiscal_year: number | null;
  table: string;
  amount_fen: number;
  printed: string;
  unit: string;
  corrected: string | null;
}

// amounts are drawn in 元 (分 / 100), ticks with thousands separators
const YUAN_AXIS = { label: '元', grid: true, zero: true, tickFormat: (v: number) => v.toLocaleString('en-US') };
const CHART_SIZE = { marginLeft: 90, width: 720 };

/** An SVG chart from Observable Plot, replaced whenever its spec changes. */
function Chart({ make, label, id }: { make: () => SVGSVGElement | HTMLElement; label: string; id: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = make();
    box.current!.replaceChildren(el);
    return () => el.remove();
  }, [make]);
  return <div class="chart" id={id} ref={box} aria-label={label} />;
}

export function ExplorePage() {
  const [options, setOptions] = useState<Options | null>(null);
  const [sel, setSel] = useState({ table: '', measure: 'total', code: '', region: '', year: '' });
  const [codes, setCodes] = useState<CodeOption[]>([]);
  const [pivot, setPivot] = useState<Rows<PivotRow> | null>(null);
  const [across, setAcross] = useState<Rows<AcrossRow> | null>(null);

  useEffect(() => void getJson<Options>('/api/explore/options').then(setOptions), []);
  useEffect(() => void getJson<{ codes: CodeOption[] }>(`/api/explore/codes?${query({ table: sel.table })}`).then((r) => setCodes(r.codes)), [sel.table]);
  const params = query(sel);
  useEffect(() => {
    if (!sel.code) return;
    void getJson<Rows<PivotRow>>(`/api/explore/pivot?${params}`).then(setPivot);
    void getJson<Rows<AcrossRow>>(`/api/explore/across?${params}`).then(setAcross);
  }, [params]);

  const tables = [...new Set(options?.tables.map((t) => t.table))];
  const measures = [...new Set(options?.tables.filter((t) => !sel.table || t.table === sel.table).map((t) => t.measure))];
  const set = (k: keyof typeof sel) => (e: Event) => setSel({ ...sel, [k]: (e.target as HTMLSelectElement).value });
  const regions = [...new Set(pivot?.rows.map((r) => r.region ?? '?'))];
  const years = [...new Set(pivot?.rows.map((r) => r.fiscal_year ?? 0))].sort();
  const cell = (region: string, year: number) => pivot?.rows.find((r) => (r.region ?? '?') === region && (r.fiscal_year ?? 0) === year);

  // one line per region over the years: the pivot drawn
  const pivotChart = useMemo(
    () => () =>
      Plot.plot({
        ...CHART_SIZE,
        height: 260,
        color: { legend: true },
        x: { label: 'year', tickFormat: 'd', ticks: years.filter((y) => y > 0) },
        y: YUAN_AXIS,
        marks: [
          Plot.lineY(pivot?.rows ?? [], { x: 'fiscal_year', y: (r: PivotRow) => r.amount_fen / 100, stroke: (r: PivotRow) => r.region ?? '?', z: (r: PivotRow) => r.region ?? '?' }),
          Plot.dot(pivot?.rows ?? [], { x: 'fiscal_year', y: (r: PivotRow) => r.amount_fen / 100, fill: (r: PivotRow) => r.region ?? '?', title: (r: PivotRow) => `${r.region ?? '?'} ${r.fiscal_year ?? '?'}: ${yuan(r.amount_fen)} 元 (${r.documents} documents)` }),
        ],
      }),
    [pivot],
  );

  const acrossChart = useMemo(
    () => () =>
      Plot.plot({
        ...CHART_SIZE,
        marginBottom: 60,
        height: 300,
        x: { label: null, tickRotate: -20 },
        y: YUAN_AXIS,
        marks: [
          Plot.barY(across?.rows ?? [], { x: (r: AcrossRow) => `${r.department ?? r.file.split('/').pop()} ${r.fiscal_year ?? ''} ${r.table}`, y: (r: AcrossRow) => r.amount_fen / 100, fill: (r: AcrossRow) => (r.corrected ? '#d97706' : '#2563eb'), title: (r: AcrossRow) => `${r.file}\n${yuan(r.amount_fen)} 元` }),
          Plot.ruleY([0]),
        ],
      }),
    [across],
  );

  return (
    <section class="explore">
      <div class="filters">
        <select value={sel.table} onChange={set('table')} aria-label="table">
          <option value="">any table</option>
          {tables.map((t) => <option value={t}>{t}</option>)}
        </select>
        <select value={sel.measure} onChange={set('measure')} aria-label="measure">
          {measures.map((m) => <option value={m}>{m}</option>)}
        </select>
        <select value={sel.code} onChange={set('code')} aria-label="code">
          <option value="">choose a code…</option>
          {codes.map((c) => (
            <option value={c.code}>
              {c.code} {c.name ?? c.label} ({c.documents} docs)
            </option>
          ))}
        </select>
        <select value={sel.region} onChange={set('region')} aria-label="region">
          <option value="">all regions</option>
          {options?.regions.map((r) => <option value={r}>{r}</option>)}
        </select>
        <select value={sel.year} onChange={set('year')} aria-label="year">
          <option value="">all years</option>
          {options?.years.map((y) => <option value={y}>{y}</option>)}
        </select>
      </div>
      {sel.code && pivot && across && (
        <>
          <h3>
            {sel.code} {pivot.name ?? ''} · {sel.measure}
          </h3>
          <table class="list pivot" id="pivot">
            <thead>
              <tr>
                <th>region \ year</th>
                {years.map((y) => <th>{y || '?'}</th>)}
              </tr>
            </thead>
            <tbody>
              {regions.map((r) => (
                <tr>
                  <th>{r}</th>
                  {years.map((y) => (
                    <td class="num">{yuan(cell(r, y)?.amount_fen)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <Chart make={pivotChart} label="regions by year" id="chart-pivot" />
          <p class="downloads">
            download: pivot <a href={`/api/explore/pivot?${params}&format=csv`}>CSV</a> · <a href={`/api/explore/pivot?${params}&format=jsonl`}>JSONL</a>; across documents{' '}
            <a href={`/api/explore/across?${params}&format=csv`} id="download-csv">
              CSV
            </a>{' '}
            · <a href={`/api/explore/across?${params}&format=jsonl`}>JSONL</a>
          </p>
          <h3>across documents ({across.rows.length})</h3>
          <Chart make={acrossChart} label="code across documents" id="chart-across" />
          <table class="list" id="across">
            <thead>
              <tr>{['document', 'year', 'region', 'table', 'printed', 'amount (元)'].map((h) => <th>{h}</th>)}</tr>
            </thead>
            <tbody>
              {across.rows.map((r) => (
                <tr>
                  <td>
                    <a href={`#/doc/${r.document_sha256}/1`}>{r.department ?? r.file}</a>
                  </td>
                  <td>{r.fiscal_year}</td>
                  <td>{r.region}</td>
                  <td>{r.table}</td>
                  <td class="num">
                    {r.printed} {r.unit}
                  </td>
                  <td class="num">
                    {yuan(r.amount_fen)}
                    {r.corrected ? ' ✎' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <SqlBox />
    </section>
  );
}
