import type { Store } from '@juesuan/loader';
import { PUBLICATION_RULES, checkPublication } from '@juesuan/parser';

/**
 * Split publications (a narrative PDF and a tables PDF of one department, year and kind): each
 * narrative without tables is checked against the tables of its partner. Returns the links made.
 */
export async function linkPublications(store: Store): Promise<Array<{ narrative: string; tables: string }>> {
  const links: Array<{ narrative: string; tables: string }> = [];
  for (const parts of (await store.splitPublications()).values()) {
    const tables = [...parts].sort((a, b) => b.records - a.records)[0]!;
    if (tables.records === 0) continue;
    for (const part of parts.filter((p) => p.records === 0 && p.facts > 0)) {
      const family = part.kind === 'budget' ? 'budget' : 'final';
      const findings = checkPublication({ file: part.file, facts: await store.factsOfRun(part.runId) }, { file: tables.file, records: await store.recordsOfRun(tables.runId) }, family);
      await store.replaceFindings(part.runId, PUBLICATION_RULES, findings);
      await store.recordLateCheck(part.runId, 'restated', 'narrative', findings, `checked against the tables of ${tables.file}`);
      links.push({ narrative: part.file, tables: tables.file });
    }
  }
  return links;
}
