import type { Command } from 'commander';
import { z } from 'zod';
import { diffStoredRuns, findOneDocument } from '@juesuan/loader';
import { dbOption, fail, openStoreOrFail, parseOptions } from '../cli-support.ts';

const DiffOptions = z.object({ db: z.string().min(1), from: z.coerce.number().int().optional(), to: z.coerce.number().int().optional() });

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description("what changed between two runs of one document (default: its last two successful runs)")
    .argument('<document>', 'the file path as ingested, or a sha256 prefix of 8+ characters')
    .addOption(dbOption())
    .option('--from <run>', 'older run id (of this document)')
    .option('--to <run>', 'newer run id (of this document)')
    .action(async (document: string, raw: unknown) => {
      const opts = parseOptions(DiffOptions, raw);
      const store = await openStoreOrFail(opts.db, { readOnly: true });
      const found = await findOneDocument(store, document);
      if ('error' in found) fail(found.error);
      const runs = (await store.rows<{ id: number }>("SELECT id FROM runs WHERE status = 'ok' AND document_sha256 = ? ORDER BY id", [found.sha256])).map((r) => r.id);
      for (const id of [opts.from, opts.to]) if (id !== undefined && !runs.includes(id)) fail(`run ${id} is not a successful run of ${found.file} (its runs: ${runs.join(', ') || 'none'})`);
      const to = opts.to ?? runs[runs.length - 1];
      const from = opts.from ?? runs.filter((id) => to === undefined || id < to).pop();
      if (from === undefined || to === undefined) fail(`${found.file}: fewer than two successful runs to compare (runs: ${runs.join(', ') || 'none'})`);
      const d = await diffStoredRuns(store, from, to);
      await store.close();
      process.stdout.write(`${found.file} (${found.sha256.slice(0, 12)}) run ${from} → ${to}: ${d.added} added, ${d.removed} removed, ${d.changed} changed; error findings ${d.findingsBefore} → ${d.findingsAfter}\n`);
      for (const e of d.examples) process.stdout.write(`  ${e}\n`);
    });
}
