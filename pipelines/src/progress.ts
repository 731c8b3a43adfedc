import cliProgress from 'cli-progress';

export interface Progress {
  tick(line: string): void;
  stop(): void;
}

/** A bar with counts and ETA on a terminal; plain lines otherwise (logs, CI). */
export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    let done = 0;
    return {
      tick: (line) => {
        done++;
        stream.write(`[${done}/${total}] ${line}\n`);
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream, format: 'ingest [{bar}] {value}/{total} files | ETA {eta_formatted} | {file}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  return {
    tick: (line) => {
      bar.increment({ file: line.slice(0, 60) });
      // keep one summary line per file above the bar
      stream.write(`\r\x1b[2K${line}\n`);
      bar.render();
    },
    stop: () => bar.stop(),
  };
}
