import { useEffect, useState } from 'preact/hooks';
import { getJson, send, token } from './api.ts';

interface Saved {
  id: number;
  name: string;
  sql: string;
}

/** Read-only SQL over the dataset, with queries saved in the database by name. */
export function SqlBox() {
  const [sql, setSql] = useState('SELECT department, fiscal_year, "table", corrected_code AS code, corrected_label AS label, measure, printed, corrected_amount_fen AS amount_fen, corrected FROM corrected_records WHERE length(code) = 3 LIMIT 50');
  const [result, setResult] = useState<{ columns: string[]; rows: Array<Record<string, unknown>>; truncated: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Saved[]>([]);
  const [name, setName] = useState('');
  const loadSaved = () => void getJson<{ queries: Saved[] }>('/api/queries').then((r) => setSaved(r.queries));
  useEffect(loadSaved, []);

  async function run(format: 'json' | 'csv' = 'json') {
    setError(null);
    const r = await fetch('/api/sql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sql, format }) });
    if (!r.ok) return setError(((await r.json()) as { error: string }).error);
    if (format === 'json') return setResult((await r.json()) as typeof result);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(await r.blob());
    a.download = 'query.csv';
    a.click();
  }

  return (
    <div class="sql">
      <h3>SQL (read-only)</h3>
      <p class="hint">Views: corrected_records, records, document_codes, narrative_facts, latest_runs; tables: findings, corrections, catalog…</p>
      <textarea value={sql} onInput={(e) => setSql((e.target as HTMLTextAreaElement).value)} rows={4} aria-label="sql" />
      <div>
        <button onClick={() => void run()}>run</button> <button onClick={() => void run('csv')}>download CSV</button>{' '}
        {token() && (
          <>
            <input placeholder="name" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} aria-label="query name" />
            <button disabled={!name} onClick={() => void send('POST', '/api/queries', { name, sql }).then(loadSaved)}>
              save
            </button>
          </>
        )}
      </div>
      {saved.length > 0 && (
        <ul class="saved">
          {saved.map((q) => (
            <li>
              <a href="javascript:void 0" onClick={() => setSql(q.sql)}>
                {q.name}
              </a>{' '}
              {token() && <button onClick={() => void send('DELETE', `/api/queries/${q.id}`).then(loadSaved)}>×</button>}
            </li>
          ))}
        </ul>
      )}
      {error && <p class="error">{error}</p>}
      {result && (
        <table class="list" id="sql-result">
          <thead>
            <tr>{result.columns.map((c) => <th>{c}</th>)}</tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr>{result.columns.map((c) => <td>{String(r[c] ?? '')}</td>)}</tr>
            ))}
          </tbody>
        </table>
      )}
      {result?.truncated && <p class="hint">first 5000 rows shown</p>}
    </div>
  );
}
