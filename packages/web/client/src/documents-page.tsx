import { useEffect, useState } from 'preact/hooks';
import { getJson, query, uploadReport } from './api.ts';
import type { DocumentRow } from './types.ts';

interface Upload {
  name: string;
  sent: number;
  state: 'uploading' | 'ingesting' | 'ok' | 'skipped' | 'failed';
  message: string;
}

export function DocumentsPage() {
  const [filters, setFilters] = useState({ q: '', kind: '', year: '', region: '' });
  const [data, setData] = useState<{ documents: DocumentRow[]; facets: { kinds: string[]; years: number[]; regions: string[] } } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    getJson<typeof data>(`/api/documents?${query(filters)}`).then(setData, (e: Error) => setError(e.message));
  }, [filters, reload]);

  async function ingest(files: File[]) {
    const list: Upload[] = files.map((f) => ({ name: f.name, sent: 0, state: 'uploading', message: '' }));
    setUploads(list);
    const update = (i: number, u: Partial<Upload>) => {
      list[i] = { ...list[i]!, ...u };
      setUploads([...list]);
    };
    // one at a time: the server ingests each file as it arrives
    for (const [i, f] of files.entries()) {
      try {
        const r = await uploadReport(f, (sent) => update(i, { sent, state: sent < 1 ? 'uploading' : 'ingesting' }));
        update(i, { sent: 1, state: r.status === 'ok' ? 'ok' : 'skipped', message: r.message });
      } catch (e) {
        update(i, { state: 'failed', message: (e as Error).message });
      }
      setReload((n) => n + 1);
    }
  }

  const set = (k: keyof typeof filters) => (e: Event) => setFilters({ ...filters, [k]: (e.target as HTMLInputElement).value });
  return (
    <section
      class={`documents ${dragging ? 'dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void ingest([...(e.dataTransfer?.files ?? [])]);
      }}
    >
      <div class="filters">
        <input type="search" placeholder="search file, department, region" value={filters.q} onInput={set('q')} aria-label="search" />
        <select value={filters.kind} onChange={set('kind')} aria-label="kind">
          <option value="">all kinds</option>
          {data?.facets.kinds.map((k) => <option value={k}>{k}</option>)}
        </select>
        <select value={filters.year} onChange={set('year')} aria-label="year">
          <option value="">all years</option>
          {data?.facets.years.map((y) => <option value={y}>{y}</option>)}
        </select>
        <select value={filters.region} onChange={set('region')} aria-label="region">
          <option value="">all regions</option>
          {data?.facets.regions.map((r) => <option value={r}>{r}</option>)}
        </select>
        <label class="button">
          add reports…
          <input type="file" multiple accept=".pdf,.txt,.md,.html" hidden onChange={(e) => void ingest([...((e.target as HTMLInputElement).files ?? [])])} />
        </label>
      </div>
      <p class="hint">Drop PDF (or .txt .md .html) reports anywhere on this page to ingest them.</p>
      {uploads.length > 0 && (
        <ul class="uploads">
          {uploads.map((u) => (
            <li class={`upload ${u.state}`} data-state={u.state}>
              <progress max={1} value={u.state === 'ingesting' ? undefined : u.sent} /> <b>{u.name}</b> {u.state} <span>{u.message}</span>
            </li>
          ))}
        </ul>
      )}
      {error && <p class="error">{error}</p>}
      <table class="list" id="documents">
        <thead>
          <tr>{['file', 'kind', 'year', 'department', 'region', 'pages', 'tables', 'records', 'errors', 'warnings', 'info', 'corrections'].map((h) => <th>{h}</th>)}</tr>
        </thead>
        <tbody>
          {data?.documents.map((d) => (
            <tr data-sha256={d.sha256}>
              <td>
                <a href={`#/doc/${d.sha256}/1`}>{d.file.split('/').pop()}</a>
              </td>
              <td>{d.kind}</td>
              <td>{d.fiscal_year}</td>
              <td>{d.department}</td>
              <td>{d.region}</td>
              <td>{d.pages}</td>
              <td>{d.tables}</td>
              <td>{d.records}</td>
              <td class={d.errors ? 'sev-error' : ''}>{d.errors}</td>
              <td class={d.warnings ? 'sev-warning' : ''}>{d.warnings}</td>
              <td>{d.infos}</td>
              <td>{d.corrections}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && data.documents.length === 0 && <p class="hint">No documents yet: drop reports here, or run juesuan ingest.</p>}
    </section>
  );
}
