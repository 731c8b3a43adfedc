import { csvField } from '@juesuan/loader';
import type { Sink } from './output-sink.ts';
import { formatTable } from './output.ts';

export type RowFormat = 'table' | 'csv' | 'json' | 'jsonl';

export interface RowWriteOptions {
  format: RowFormat;
  /** a UTF-8 byte order mark before CSV, so Excel on a Chinese Windows does not read it as GBK */
  bom: boolean;
  limit?: number;
}

/**
 * Rows streamed to a sink as they come (the aligned table waits for its rows to measure them);
 * the header is written even when there are no rows. Returns how many rows were written.
 */
export async function writeRows(sink: Sink, columns: readonly string[], rows: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>, options: RowWriteOptions): Promise<number> {
  const { format, limit = Number.POSITIVE_INFINITY } = options;
  let n = 0;
  if (format === 'table') {
    const kept: Array<Record<string, unknown>> = [];
    for await (const r of rows) {
      if (n++ >= limit) break;
      kept.push(r);
    }
    await sink.write(`${formatTable(kept, columns)}\n`);
    return kept.length;
  }
  if (format === 'csv') await sink.write(`${options.bom ? '\ufeff' : ''}${columns.map(csvField).join(',')}\n`);
  if (format === 'json') await sink.write('[');
  for await (const r of rows) {
    if (n >= limit) break;
    if (format === 'csv') await sink.write(`${columns.map((c) => csvField(r[c])).join(',')}\n`);
    else if (format === 'json') await sink.write(`${n === 0 ? '\n' : ',\n'}  ${JSON.stringify(r)}`);
    else await sink.write(`${JSON.stringify(r)}\n`);
    n++;
  }
  if (format === 'json') await sink.write(n === 0 ? ']\n' : '\n]\n');
  return n;
}
