import { kindSpec } from '../registry/table-kinds.ts';

export type Stage = 'final' | 'budget';

export const stageOf = (kind: string): Stage => (kind === 'budget' ? 'budget' : 'final');

export function tableName(suffix: string, stage: Stage): string {
  const spec = kindSpec(`${stage}.${suffix}`);
  // a kind only some regions' sets print has no name of the national set
  return spec?.names[stage] ?? spec?.nameZh ?? suffix;
}

/** The kind suffixes a document's tables have (standard ones only). */
export function presentSuffixes(kinds: string[], stage: Stage): Set<string> {
  return new Set(kinds.filter((k) => k.startsWith(`${stage}.`)).map((k) => k.slice(stage.length + 1)));
}
