export interface Progress {
  tick(line: string): void;
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
      stop: () => {},
    };
  }
  const started = performance.now();
  const bar = () => {
    const filled = total ? Math.round((done / total) * BAR) : BAR;
    const elapsed = (performance.now() - started) / 1000;
    const remaining = done ? (elapsed / done) * (total - done) : NaN;
    return `ingest [${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${done}/${total} files, ETA ${eta(remaining)}`;
  };
  stream.write(bar());
  return {
    tick: (line) => {
      done++;
      stream.write(`\r\x1b[2K${line}\n${bar()}`);
    },
    stop: () => stream.write(`\r\x1b[2K`),
  };
}
