#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { EXTRACTOR_VERSION } from '@juesuan/extractor';
import { PARSER_VERSION } from '@juesuan/parser';
import { registerAuditCommands } from './audit-commands.ts';
import { dbOption, fail } from './cli-support.ts';
import { registerDebug } from './commands/debug.ts';
import { registerDiff } from './commands/diff.ts';
import { registerExport } from './commands/export.ts';
import { registerExtract } from './commands/extract.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerPrune } from './commands/prune.ts';
import { registerQuery } from './commands/query.ts';
import { registerReparse } from './commands/reparse.ts';
import { registerSchema } from './commands/schema.ts';
import { registerSummary } from './commands/summary.ts';
import { registerWebCommands } from './web-commands.ts';
import { registerQueueCommands } from './commands/queue.ts';

// `pnpm juesuan` runs the script from the repository root: paths are the user's, relative to where they stand
if (process.env.npm_lifecycle_event === 'juesuan' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command();
program
  .name('juesuan')
  .description('Chinese government 预算/决算 reports → a validated SQLite dataset')
  .version(`juesuan ${version} (extractor ${EXTRACTOR_VERSION}, parser ${PARSER_VERSION})`, '-V, --version')
  .showHelpAfterError();

registerExtract(program);
registerIngest(program);
registerReparse(program);
registerQuery(program);
registerExport(program);
registerDiff(program);
registerSummary(program);
registerSchema(program);
registerPrune(program);
registerDebug(program);
registerAuditCommands(program, fail);
registerWebCommands(program, dbOption);
registerQueueCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => fail((err as Error).message));
