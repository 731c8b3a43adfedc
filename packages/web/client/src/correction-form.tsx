import { useEffect, useState } from 'preact/hooks';
import { send, token } from './api.ts';
import type { Finding, PageCell } from './types.ts';

type Field = 'amount' | 'code' | 'label';

/** Changes a cell's amount, or its row's code or label, with a reason; says what validation finds then. */
export function CorrectionForm({ cell, sha256, onSaved }: { cell: PageCell; sha256: string; onSaved: () => void }) {
  const [field, setField] = useState<Field>('amount');
  const original = field === 'amount' ? cell.printed : field === 'code' ? (cell.code_resolved ?? '') : (cell.label ?? '');
  const [value, setValue] = useState(original);
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<string | null>(null);
  useEffect(() => setValue(original), [cell, field]);
  if (!token()) return <p class="hint">Corrections need the token: open the URL that juesuan serve printed.</p>;

  async function save(e: Event) {
    e.preventDefault();
    try {
      const r = await send<{ findings: Finding[]; resolved: Finding[] }>('POST', '/api/corrections', {
        documentSha256: sha256,
        table: cell.table,
        rowKey: cell.row_key,
        measure: field === 'amount' ? cell.measure : '*',
        field,
        value,
        reason,
      });
      const errors = r.findings.filter((f) => f.severity === 'error').length;
      setResult(`saved. ${r.resolved.length ? `${r.resolved.length} finding(s) now hold: ${r.resolved.map((f) => f.rule).join(', ')}. ` : ''}${errors} error finding(s) remain.`);
      onSaved();
    } catch (err) {
      setResult(`not saved: ${(err as Error).message}`);
    }
  }

  return (
    <form class="correction" onSubmit={save}>
      <h4>correct this cell</h4>
      <label>
        what
        <select value={field} onChange={(e) => setField((e.target as HTMLSelectElement).value as Field)} aria-label="field">
          <option value="amount">amount ({cell.measure})</option>
          <option value="code">code of the row</option>
          <option value="label">label of the row</option>
        </select>
      </label>
      <label>
        value <input name="value" value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)} required />
      </label>
      <label>
        reason <input name="reason" value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} required placeholder="e.g. misprint, see 支出决算表" />
      </label>
      <button type="submit">save correction</button>
      {result && <p class="result">{result}</p>}
    </form>
  );
}
