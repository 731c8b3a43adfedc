/**
 * Grows the account-code catalogs from reports: every code printed in a coded table, with the
 * name printed beside it, is added (or its other names become aliases), citing the report.
 *   pnpm harvest-catalog <folder or file>… [--write]
 * Without --write it only lists what it would add.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CatalogFile } from '../packages/parser/src/catalog/catalog.ts';
import { parseDocument } from '@juesuan/parser';
import { expandInputs, fsPath } from '@juesuan/pipelines';
import { extractFile } from '../pipelines/src/extract-file.ts';

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help')) {
  process.stdout.write('usage: harvest-catalog <folder or file>… [--write]\n');
  process.exit(args.length === 0 ? 2 : 0);
}
const write = args.includes('--write');
const { files } = expandInputs(args.filter((a) => !a.startsWith('--')));
const dataDir = new URL('../packages/parser/src/catalog/data/', import.meta.url);
const catalogs = {
  functional: CatalogFile.parse(JSON.parse(readFileSync(new URL('functional-2024.json', dataDir), 'utf8'))),
  economic: CatalogFile.parse(JSON.parse(readFileSync(new URL('economic-2024.json', dataDir), 'utf8'))),
};
let added = 0;
let aliased = 0;
for (const file of files) {
  let parsed;
  try {
    parsed = parseDocument(await extractFile(new Uint8Array(readFileSync(fsPath(file))), file));
  } catch (err) {
    process.stderr.write(`skipped ${file}: ${(err as Error).message}\n`);
    continue;
  }
  const source = `${basename(file)} (${parsed.meta.department ?? '?'} ${parsed.meta.fiscalYear ?? ''} ${parsed.meta.kind})`;
  for (const r of parsed.lineItems) {
    if (!r.code || !r.label || !['printed', 'split', 'in_name'].includes(r.codeMethod)) continue;
    if (![3, 5, 7].includes(r.code.length)) continue; // misprinted codes stay unknown
    const kind = /gpb_basic|fiscal_by_econ/.test(r.table) || r.code.startsWith('3') ? 'economic' : 'functional';
    const cat = catalogs[kind];
    const name = r.label.replace(/\s+/g, '');
    const existing = cat.entries.find((e) => e.code === r.code);
    if (!existing) {
      const level = r.code.length === 3 ? 1 : r.code.length === 5 ? 2 : 3;
      cat.entries.push({ code: r.code, name, level, parent: level === 1 ? null : r.code.slice(0, level === 2 ? 3 : 5), source });
      added++;
      process.stdout.write(`+ ${kind} ${r.code} ${name}  [${source}]\n`);
    } else if (existing.name !== name && !(existing.aliases ?? []).includes(name) && !cat.entries.some((e) => e.name === name)) {
      // (a name that belongs to another code is a shifted row, not an alias)
      existing.aliases = [...(existing.aliases ?? []), name];
      aliased++;
      process.stdout.write(`~ ${kind} ${r.code} ${existing.name} also printed as ${name}  [${source}]\n`);
    }
  }
}
for (const [kind, cat] of Object.entries(catalogs)) {
  cat.entries.sort((a, b) => a.code.localeCompare(b.code));
  if (write) writeFileSync(new URL(`${kind}-2024.json`, dataDir), `${JSON.stringify(cat, null, 1)}\n`);
}
process.stdout.write(`${added} codes added, ${aliased} names added as aliases${write ? '' : ' (dry run: --write to save)'}\n`);
