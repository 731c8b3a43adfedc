import { readFileSync, writeFileSync } from 'node:fs';
import type { Command, Option } from 'commander';
import { z } from 'zod';
import { correctionsToJsonl, parseCorrectionsJsonl } from '@juesuan/loader';
import { JuesuanError } from '@juesuan/model';
import { openStoreOrFail } from './cli-support.ts';

const ServeOptions = z.object({
  db: z.string().min(1),
  host: z.string().min(1).max(255),
  port: z.coerce.number().int().min(0).max(65535),
  maxMb: z.coerce.number().positive().max(4096),
});

function fail(message: string): never {
  process.stderr.write(`juesuan: ${message}\n`);
  process.exit(2);
}

/** `juesuan serve` and `juesuan corrections export|import`. */
export function registerWebCommands(program: Command, dbOption: () => Option): void {
  program
    .command('serve')
    .description('the browser app over the database: every value on its page, corrections, explore (bound to 127.0.0.1)')
    .addOption(dbOption())
    .option('--host <host>', 'address to listen on; anything but 127.0.0.1/localhost exposes the app to the network', '127.0.0.1')
    .option('--port <n>', 'port (0 picks a free one)', '8737')
    .option('--max-mb <n>', 'largest report accepted by drop-to-ingest, in MiB', '200')
    .action(async (raw: unknown) => {
      const r = ServeOptions.safeParse(raw);
      if (!r.success) fail(`bad option: ${r.error.issues.map((i) => `--${i.path.join('.')} ${i.message}`).join('; ')}`);
      const { startServer } = await import('@juesuan/web');
      const server = await startServer({ db: r.data.db, host: r.data.host, port: r.data.port, maxUploadBytes: Math.floor(r.data.maxMb * 2 ** 20) });
      process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
      process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
    });

  const corrections = program.command('corrections').description('share corrections as JSONL (keyed by document sha256, table, row key and measure)');
  corrections
    .command('export')
    .description('write every correction as JSONL')
    .addOption(dbOption())
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (opts: { db: string; out?: string }) => {
      const store = await openStoreOrFail(opts.db, { readOnly: true });
      const list = await store.listCorrections();
      await store.close();
      if (opts.out) writeFileSync(opts.out, correctionsToJsonl(list));
      else process.stdout.write(correctionsToJsonl(list));
      process.stderr.write(`exported ${list.length} corrections\n`);
    });
  corrections
    .command('import')
    .description('read corrections from JSONL files (each file all or nothing; a later correction of a cell replaces an earlier one)')
    .argument('<files...>', 'JSONL files written by `corrections export`')
    .addOption(dbOption())
    .action(async (files: string[], opts: { db: string }) => {
      const store = await openStoreOrFail(opts.db, { readOnly: false });
      let failed = 0;
      for (const file of files) {
        try {
          const n = await store.saveCorrections(parseCorrectionsJsonl(readFileSync(file, 'utf8'), file));
          process.stdout.write(`${file}: ${n} corrections imported\n`);
        } catch (err) {
          failed++;
          process.stderr.write(`FAILED ${err instanceof JuesuanError ? err.message : `${file}: ${(err as Error).message}`}\n`);
        }
      }
      await store.close();
      process.exitCode = failed > 0 ? 1 : 0;
    });
}
