export interface Progress {
  /** a file is done (its pages in flight, if any, are forgotten) */
  tick(line: string, file?: string): void;
  /** a page of a file in flight is done: the bar moves between files too (OCR takes seconds a page) */
  page(file: string, done: number, total: number): void;
  /** a line above the bar, not counted as a file */
  note(line: string): void;
  stop(): void;
}

const BAR = 30;

function eta(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/**
 * On a terminal: one summary line per file scrolling above a bar with counts and ETA, redrawn
 * on its own line (kept short so it never wraps). Elsewhere (logs, CI): plain numbered lines.
 */
export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  let done = 0;
  if (!stream.isTTY) {
    return {
      tick: (line) => {
        done++;
        stream.write(`[${done}/${total}] ${line}\n`);
      },
      page: () => {},
      note: (line) => stream.write(`${line}\n`),
      stop: () => {},
    };
  }
  const started = performance.now();
  // file → share of its pages done, for the files in flight
  const inFlight = new Map<string, { done: number; total: number }>();
  let lastPage = '';
  const bar = () => {
    const pagesShare = [...inFlight.values()].reduce((s, p) => s + p.done / Math.max(1, p.total), 0);
    const progress = done + pagesShare;
    const filled = total ? Math.min(BAR, Math.round((progress / total) * BAR)) : BAR;
    const elapsed = (performance.now() - started) / 1000;
    const remaining = progress ? (elapsed / progress) * (total - progress) : NaN;
    return `ingest [${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${done}/${total} files${lastPage}, ETA ${eta(remaining)}`;
  };
  stream.write(bar());
  return {
    tick: (line, file) => {
      done++;
      if (file !== undefined) inFlight.delete(file);
      stream.write(`\r\x1b[2K${line}\n${bar()}`);
    },
    page: (file, pageDone, pageTotal) => {
      if (pageDone >= pageTotal) inFlight.delete(file);
      else inFlight.set(file, { done: pageDone, total: pageTotal });
      lastPage = pageDone >= pageTotal ? '' : `, page ${pageDone}/${pageTotal}`;
      stream.write(`\r\x1b[2K${bar()}`);
    },
    note: (line) => stream.write(`\r\x1b[2K${line}\n${bar()}`),
    stop: () => stream.write(`\r\x1b[2K`),
  };
}
