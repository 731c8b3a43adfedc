import { useEffect, useState } from 'preact/hooks';
import { getJson, send, token } from './api.ts';
import { CorrectionForm } from './correction-form.tsx';
import { cellId } from './format.ts';
import { PageView, RecordCard } from './page-view.tsx';
import { TableGrid } from './table-grid.tsx';
import type { DocumentDetail, Finding, PageCell } from './types.ts';

type Tab = 'findings' | 'tables' | 'cell' | 'corrections';

export function DocumentPage({ sha256, page }: { sha256: string; page: number }) {
  const [openedAt] = useState(() => performance.now());
  const [detail, setDetail] = useState<DocumentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('findings');
  const [selected, setSelected] = useState<PageCell | null>(null);
  const [lit, setLit] = useState<Set<string>>(new Set());
  const [reloadKey, setReloadKey] = useState(0);
  const [tableIdx, setTableIdx] = useState<number | null>(null);

  useEffect(() => {
    getJson<DocumentDetail>(`/api/documents/${sha256}`).then(setDetail, (e: Error) => setError(e.message));
  }, [sha256, reloadKey]);

  if (error) return <p class="error">{error}</p>;
  if (!detail) return <p>loading…</p>;
  const d = detail.document;
  const pageCount = detail.pages.length || d.page_count || 1;
  const goto = (p: number) => (location.hash = `#/doc/${sha256}/${Math.min(Math.max(1, p), pageCount)}`);
  const chooseFinding = (f: Finding) => {
    setLit(new Set(f.cells.map(cellId)));
    const p = f.cells.find((c) => c.page !== null)?.page;
    if (p) goto(p);
  };
  const changed = () => setReloadKey((k) => k + 1);

  return (
    <section class="document">
      <div class="doc-head">
        <h2>{d.file.split('/').pop()}</h2>
        <span>
          {d.kind} {d.fiscal_year} · {d.department} · {d.region} · run {d.run}
        </span>
        <span class="legend">
          <i class="cell read" /> read <i class="cell low" /> unsure <i class="cell breaks" /> breaks an identity <i class="cell corrected" /> corrected
        </span>
      </div>
      <div class="doc-body">
        <div class="viewer">
          {d.format === 'pdf' ? (
            <>
              <div class="pager">
                <button onClick={() => goto(page - 1)} disabled={page <= 1} aria-label="previous page">
                  ‹
                </button>
                <label>
                  page <input type="number" min={1} max={pageCount} value={page} onChange={(e) => goto(Number((e.target as HTMLInputElement).value))} aria-label="page" /> / {pageCount}
                </label>
                <button onClick={() => goto(page + 1)} disabled={page >= pageCount} aria-label="next page">
                  ›
                </button>
              </div>
              <PageView
                sha256={sha256}
                page={page}
                lit={lit}
                reloadKey={reloadKey}
                selected={selected}
                openedAt={openedAt}
                turned={detail.pages.find((p) => p.number === page)?.turned ?? 0}
                onSelect={(c) => {
                  setSelected(c);
                  setTab('cell');
                }}
              />
            </>
          ) : (
            <p class="hint">This report came as {d.format}: its tables are shown as grids.</p>
          )}
        </div>
        <aside>
          <div class="tabs" role="tablist">
            {(['findings', 'tables', 'cell', 'corrections'] as Tab[]).map((t) => (
              <button role="tab" class={tab === t ? 'on' : ''} onClick={() => setTab(t)}>
                {t === 'findings' ? `findings (${detail.findings.length})` : t === 'corrections' ? `corrections (${detail.corrections.length})` : t}
              </button>
            ))}
          </div>
          {tab === 'findings' && <Findings findings={detail.findings} resolved={detail.resolved} onChoose={chooseFinding} />}
          {tab === 'tables' && (
            <div>
              <select aria-label="table" value={tableIdx ?? ''} onChange={(e) => setTableIdx(Number((e.target as HTMLSelectElement).value))}>
                <option value="">choose a table…</option>
                {detail.tables.map((t) => (
                  <option value={t.idx}>
                    {t.idx}. {t.title ?? t.kind} ({t.kind}, p. {t.pages.join(',')}, {t.records} records)
                  </option>
                ))}
              </select>
              {tableIdx !== null && <TableGrid sha256={sha256} idx={tableIdx} reloadKey={reloadKey} onGoto={goto} />}
            </div>
          )}
          {tab === 'cell' &&
            (selected ? (
              <div>
                <RecordCard c={selected} />
                <CorrectionForm cell={selected} sha256={sha256} onSaved={changed} />
              </div>
            ) : (
              <p class="hint">Click an outlined cell on the page to see its record and correct it.</p>
            ))}
          {tab === 'corrections' && (
            <ul class="corrections">
              {detail.corrections.map((c) => (
                <li data-correction={c.id}>
                  <b>{c.table}</b> {c.rowKey} {c.measure}: {c.field} {c.original ?? '—'} → <b>{c.value}</b> <i>{c.reason}</i>{' '}
                  {token() && (
                    <button onClick={() => void send('DELETE', `/api/corrections/${c.id}`).then(changed)} aria-label="remove correction">
                      remove
                    </button>
                  )}
                </li>
              ))}
              {detail.corrections.length === 0 && <li class="hint">No corrections.</li>}
            </ul>
          )}
        </aside>
      </div>
    </section>
  );
}

function Findings({ findings, resolved, onChoose }: { findings: Finding[]; resolved: Finding[]; onChoose: (f: Finding) => void }) {
  return (
    <div class="findings">
      {findings.length === 0 && <p class="hint">No findings: every identity holds.</p>}
      <ul>
        {findings.map((f) => (
          <li class={`finding sev-${f.severity}`} onClick={() => onChoose(f)} data-rule={f.rule}>
            <b>{f.severity}</b> <code>{f.rule}</code> p. {f.cells.map((c) => c.page).filter((p, i, a) => p !== null && a.indexOf(p) === i).join(',')}
            <div>{f.messageZh}</div>
            <div class="en">{f.messageEn}</div>
            {f.suggestion && (
              <div class="suggestion">
                suggested: {f.suggestion.printed} → {f.suggestion.suggested}
              </div>
            )}
          </li>
        ))}
      </ul>
      {resolved.length > 0 && (
        <>
          <h4>resolved by corrections</h4>
          <ul>
            {resolved.map((f) => (
              <li class="finding resolved" data-rule={f.rule} onClick={() => onChoose(f)}>
                <code>{f.rule}</code> now holds <div class="en">{f.messageEn}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
