/**
 * What the parser makes of each document of a folder: tables by kind, line items, codes by the
 * way they were found, findings by rule, identities checked and broken, narrative figures checked. For closing notes and reviews.
 *   pnpm corpus-report <folder>
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { closeSharedOcrEngine } from '@juesuan/extractor';
import { buildIdentities, coverageOf, parseDocument } from '@juesuan/parser';
import { expandInputs, extractFile, fsPath } from '@juesuan/pipelines';

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help')) {
  process.stdout.write('usage: corpus-report <folder or files…>\n');
  process.exit(args.length === 0 ? 2 : 0);
}
const count = <T>(xs: T[], key: (x: T) => string) => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return [...m].map(([k, n]) => `${k} ${n}`).join(', ');
};
for (const file of expandInputs(args).files) {
  const doc = await extractFile(new Uint8Array(readFileSync(fsPath(file))), file);
  const p = parseDocument(doc);
  const items = p.lineItems;
  const neither = items.filter((i) => i.code === null && i.labelKey === null).length;
  process.stdout.write(`## ${basename(file)}\n`);
  process.stdout.write(`meta: ${p.meta.kind} ${p.meta.fiscalYear} ${p.meta.department} (${p.meta.region.name}${p.meta.region.code ? ` ${p.meta.region.code}` : ''}, ${p.meta.unitScope})\n`);
  process.stdout.write(`tables: ${p.tables.map((t) => `${t.kind} p${t.pages.join('-')} ${t.rows}×${t.cols} (${t.records})`).join('; ')}\n`);
  process.stdout.write(`line items: ${items.length} (${neither} with neither code nor label key); records ${p.records.length}\n`);
  process.stdout.write(`codes by method: ${count(items.filter((i) => i.code), (i) => i.codeMethod)}\n`);
  process.stdout.write(`findings by rule: ${count(p.findings, (f) => `${f.severity}:${f.rule}`) || 'none'}\n`);
  const identities = buildIdentities(p.records);
  const broken = p.findings.filter((f) => f.severity === 'error' && identities.some((i) => i.rule === f.rule)).length;
  process.stdout.write(`identities: ${identities.length} checked, ${broken} broken\n`);
  const cov = coverageOf(doc, p);
  process.stdout.write(`coverage: ${(cov.share * 100).toFixed(1)}% of the amounts printed in tables reach a record (${cov.reached} reached, ${cov.missed} missed; apart: ${cov.codes} codes, ${cov.header} in headers, ${cov.inText} inside names, ${cov.textTables} in text tables)\n`);
  if (cov.misses.length) process.stdout.write(`  missed: ${cov.misses.slice(0, 12).map((m) => `t${m.table} p${m.page} ${m.printed}`).join('; ')}\n`);
  const summary = p.findings.find((f) => f.rule === 'narrative.summary');
  if (summary) process.stdout.write(`narrative: ${summary.messageEn}\n`);
  const itemsFacts = p.facts.filter((f) => f.name === 'item_amount');
  if (itemsFacts.length) process.stdout.write(`(类)(款)(项) items: ${itemsFacts.length}, with a code ${itemsFacts.filter((f) => f.code).length}\n`);
}
await closeSharedOcrEngine();
