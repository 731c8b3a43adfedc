import { errorLine } from '@juesuan/model';
import { fail } from './cli-support.ts';
import type { Sink } from './output-sink.ts';
import { OutputError, isBrokenPipe, openSink } from './output-sink.ts';
import type { RowWriteOptions } from './row-writer.ts';
import { writeRows } from './row-writer.ts';

/** Opens the output first, so a bad --out fails before any work, with one line. */
export function openOutputOrFail(out: string | undefined): Sink {
  try {
    return openSink(out);
  } catch (err) {
    if (err instanceof OutputError) fail(err.message);
    throw err;
  }
}

/**
 * Rows to the output; a reader that stops early (`| head`) ends it with one line, any other
 * failure with one line and no half-written file. Returns how many rows were written.
 */
export async function emitRows(sink: Sink, out: string | undefined, columns: readonly string[], rows: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>, options: RowWriteOptions): Promise<number> {
  try {
    const n = await writeRows(sink, columns, rows, options);
    await sink.finish();
    return n;
  } catch (err) {
    sink.abort();
    if (isBrokenPipe(err)) {
      process.stderr.write('juesuan: standard output was closed by its reader (EPIPE): stopped early\n');
      process.exit(0);
    }
    const e = err as NodeJS.ErrnoException;
    fail(e.code ? `${out ?? 'standard output'}: cannot write (${e.code})` : (errorLine(e) || 'failed'), 1);
  }
}
