import { useEffect, useRef, useState } from 'preact/hooks';
import { getJson } from './api.ts';
import { cellId, STATE_NAMES, yuan } from './format.ts';
import { loadPdf, renderPage } from './pdf.ts';
import { timings } from './timings.ts';
import type { PageCell } from './types.ts';

const PAGE_WIDTH = 860;

interface Props {
  sha256: string;
  page: number;
  lit: Set<string>;
  reloadKey: number;
  selected: PageCell | null;
  onSelect: (c: PageCell) => void;
  /** when the document view was opened: the first page drawn ends the open time */
  openedAt: number;
  /** degrees the extractor turned this page to read it */
  turned: number;
}

/** The page drawn by pdf.js with every extracted record's cell outlined in its state's color. */
export function PageView({ sha256, page, lit, reloadKey, selected, onSelect, openedAt, turned }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [cells, setCells] = useState<PageCell[] | null>(null);
  const [scale, setScale] = useState(0);
  const [hover, setHover] = useState<PageCell | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rendered, setRendered] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const t0 = performance.now();
    setRendered(0);
    setError(null);
    Promise.all([loadPdf(sha256).then((pdf) => renderPage(pdf, page, canvas.current!, PAGE_WIDTH, turned)), getJson<{ cells: PageCell[] }>(`/api/documents/${sha256}/pages/${page}/cells`)]).then(
      ([s, r]) => {
        if (cancelled) return;
        setScale(s);
        setCells(r.cells);
        const done = performance.now();
        timings.renders.push({ page, ms: done - t0, cells: r.cells.length });
        timings.openMs ??= done - openedAt;
        timings.sinceNavigationMs ??= done;
        setRendered(page);
      },
      (e: Error) => !cancelled && setError(`page ${page}: ${e.message}`),
    );
    return () => {
      cancelled = true;
    };
  }, [sha256, page]);

  // a correction changes states, not the drawing
  useEffect(() => {
    if (reloadKey > 0) void getJson<{ cells: PageCell[] }>(`/api/documents/${sha256}/pages/${page}/cells`).then((r) => setCells(r.cells));
  }, [reloadKey]);

  return (
    <div class="page-wrap">
      {error && <p class="error">{error}</p>}
      <div class="page" data-rendered-page={rendered || undefined} style={{ width: `${PAGE_WIDTH}px` }}>
        <canvas ref={canvas} />
        {scale > 0 &&
          cells?.map((c) => {
            const id = cellId({ tableIndex: c.table_idx, page: c.page, bbox: c });
            const sel = selected && selected.table_idx === c.table_idx && selected.row === c.row && selected.col === c.col;
            return (
              <div
                class={`cell ${c.state} ${lit.has(id) ? 'lit' : ''} ${sel ? 'selected' : ''}`}
                data-state={c.state}
                data-cell={id}
                data-table={c.table}
                data-row-key={c.row_key}
                data-measure={c.measure}
                title={`${c.table} ${c.code ?? c.label ?? ''} ${c.measure}: ${c.printed}`}
                style={{ left: `${c.x0 * scale}px`, top: `${c.y0 * scale}px`, width: `${(c.x1 - c.x0) * scale}px`, height: `${(c.y1 - c.y0) * scale}px` }}
                onMouseEnter={() => setHover(c)}
                onMouseLeave={() => setHover(null)}
                onClick={() => onSelect(c)}
              />
            );
          })}
        {hover && scale > 0 && (
          <div class="tip" role="tooltip" style={{ left: `${Math.min(hover.x1 * scale + 6, PAGE_WIDTH - 280)}px`, top: `${hover.y1 * scale + 4}px` }}>
            <RecordCard c={hover} />
          </div>
        )}
      </div>
    </div>
  );
}

export function RecordCard({ c }: { c: PageCell }) {
  return (
    <dl class="record">
      <dt>table</dt>
      <dd>{c.table}</dd>
      <dt>code</dt>
      <dd>{c.code_resolved ?? '—'}</dd>
      <dt>label</dt>
      <dd>{c.label ?? '—'}</dd>
      <dt>measure</dt>
      <dd>{c.measure}</dd>
      <dt>amount</dt>
      <dd>
        {yuan(c.amount_fen)} 元 ({c.amount_fen} 分)
      </dd>
      <dt>printed</dt>
      <dd>
        {c.printed} {c.unit}
      </dd>
      <dt>flags</dt>
      <dd>{c.flags.length ? c.flags.join(', ') : '—'}</dd>
      <dt>state</dt>
      <dd>
        {STATE_NAMES[c.state]}
        {c.corrected ? ` (${c.corrected})` : ''}
      </dd>
      <dt>run</dt>
      <dd>{c.run}</dd>
    </dl>
  );
}
