import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Where rows go: standard output or a file that appears whole only when everything was written. */
export interface Sink {
  write(text: string): Promise<void>;
  finish(): Promise<void>;
  /** drops a half-written file */
  abort(): void;
}

const CHUNK = 64 * 1024;

/** Why an output file cannot be written, in words. */
function cannotWrite(err: NodeJS.ErrnoException): string {
  if (err.code === 'ENOENT') return 'no such folder';
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'permission denied';
  if (err.code === 'EISDIR') return 'is a folder';
  return err.code ?? err.message;
}

export class OutputError extends Error {}

/** Standard output through its stream (an EPIPE comes back as an error of `write`, in chunks so it surfaces early). */
function stdoutSink(): Sink {
  let buffer = '';
  let broken: Error | null = null;
  // an EPIPE also arrives as an 'error' event: handled here, reported by write()
  process.stdout.on('error', (err) => (broken = err));
  const flush = () =>
    new Promise<void>((res, rej) => {
      if (broken) return rej(broken);
      const text = buffer;
      buffer = '';
      process.stdout.write(text, (err) => (err ? rej(err) : res()));
    });
  return {
    write: async (text) => {
      buffer += text;
      if (buffer.length >= CHUNK) await flush();
    },
    finish: () => flush(),
    abort: () => {},
  };
}

/** A file written beside its final name and renamed into place at the end: nothing half-written. */
function fileSink(path: string): Sink {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  let fd: number;
  try {
    fd = openSync(temp, 'w');
  } catch (err) {
    throw new OutputError(`${path}: cannot write (${cannotWrite(err as NodeJS.ErrnoException)})`);
  }
  let buffer = '';
  const flush = () => {
    writeSync(fd, buffer);
    buffer = '';
  };
  return {
    write: async (text) => {
      buffer += text;
      if (buffer.length >= CHUNK) flush();
    },
    finish: async () => {
      flush();
      closeSync(fd);
      renameSync(temp, path);
    },
    abort: () => {
      try {
        closeSync(fd);
      } catch {
        /* already closed */
      }
      rmSync(temp, { force: true });
    },
  };
}

export function openSink(out: string | undefined): Sink {
  return out === undefined ? stdoutSink() : fileSink(out);
}

export const isBrokenPipe = (err: unknown): boolean => (err as NodeJS.ErrnoException)?.code === 'EPIPE';
