/**
 * Writes the Tables and Measures sections of docs/DATA.md from the registry (everything from
 * `## Tables` on); without --write, says whether the file is up to date (exit 1 if not).
 *   pnpm data-dictionary [--write]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { registryMarkdown } from './lib/registry-docs.ts';

const file = join(import.meta.dirname, '..', 'docs', 'DATA.md');
const text = readFileSync(file, 'utf8');
const at = text.search(/^## Tables$/m);
const head = (at < 0 ? text : text.slice(0, at)).replace(/\s*$/, '\n\n');
const next = head + registryMarkdown();
if (process.argv.includes('--write')) {
  writeFileSync(file, next);
  process.stdout.write(`wrote the Tables and Measures sections of ${file}\n`);
} else {
  const same = next === text;
  process.stdout.write(same ? 'docs/DATA.md is up to date with the registry\n' : 'docs/DATA.md differs from the registry: run `pnpm data-dictionary --write`\n');
  process.exit(same ? 0 : 1);
}
