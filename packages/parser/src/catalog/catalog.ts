import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ITEM_NUMBERING } from '@juesuan/model';

export const CatalogEntry = z.object({
  code: z.string().regex(/^\d{3,7}$/),
  name: z.string().min(1),
  level: z.number().int().min(1).max(3),
  parent: z.string().nullable(),
  /** where the entry came from */
  source: z.string(),
  aliases: z.array(z.string()).optional(),
});
export type CatalogEntry = z.infer<typeof CatalogEntry>;

export const CatalogFile = z.object({
  kind: z.enum(['functional', 'economic']),
  year: z.number().int(),
  entries: z.array(CatalogEntry),
});
export type CatalogFile = z.infer<typeof CatalogFile>;

export type Classification = 'functional' | 'economic';

export interface NameMatch {
  entry: CatalogEntry;
  method: 'name_exact' | 'name_alias' | 'name_fuzzy';
  score: number;
  /** more than one entry matched equally well */
  tie: boolean;
}

/** Bumped whenever a data file changes. */
export const CATALOG_VERSION = '2024.2';

export function normalizeName(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/[()]/g, (c) => (c === '(' ? '（' : '）'))
    .replace(ITEM_NUMBERING, '')
    .replace(/[（(](?:类|款|项)[)）]$/, '');
}

function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i]! + c);
}

/** Dice similarity of character bigrams: 1 for equal names. */
export function nameSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

export class Catalog {
  private readonly byCode = new Map<string, CatalogEntry>();
  private readonly byName = new Map<string, CatalogEntry[]>();
  private readonly byAlias = new Map<string, CatalogEntry[]>();

  constructor(
    readonly kind: Classification,
    readonly year: number,
    readonly entries: CatalogEntry[],
  ) {
    for (const e of entries) {
      this.byCode.set(e.code, e);
      const n = normalizeName(e.name);
      this.byName.set(n, [...(this.byName.get(n) ?? []), e]);
      for (const a of e.aliases ?? []) this.byAlias.set(normalizeName(a), [...(this.byAlias.get(normalizeName(a)) ?? []), e]);
    }
  }

  get(code: string): CatalogEntry | undefined {
    return this.byCode.get(code);
  }

  /** The entries an exact name belongs to, shortest code first (a local 项 may repeat its 款's name: 30239, 3023902). */
  codesNamed(name: string): CatalogEntry[] {
    return [...(this.byName.get(normalizeName(name)) ?? [])].sort((a, b) => a.code.length - b.code.length);
  }

  /** Exact name, then alias, then fuzzy; `within` narrows the search to a parent's children. */
  matchName(name: string, options: { parent?: string | null; level?: number; minScore?: number } = {}): NameMatch | null {
    const n = normalizeName(name);
    const fits = (e: CatalogEntry) => (options.parent ? e.parent === options.parent : true) && (options.level ? e.level === options.level : true);
    const exact = (this.byName.get(n) ?? []).filter(fits);
    if (exact.length > 0) return { entry: exact[0]!, method: 'name_exact', score: 1, tie: exact.length > 1 };
    const alias = (this.byAlias.get(n) ?? []).filter(fits);
    if (alias.length > 0) return { entry: alias[0]!, method: 'name_alias', score: 0.99, tie: alias.length > 1 };
    let best: CatalogEntry | null = null;
    let bestScore = 0;
    let tie = false;
    for (const e of this.entries) {
      if (!fits(e)) continue;
      const s = nameSimilarity(n, normalizeName(e.name));
      if (s > bestScore) {
        best = e;
        bestScore = s;
        tie = false;
      } else if (s === bestScore && s > 0) tie = true;
    }
    if (!best || bestScore < (options.minScore ?? 0.75)) return null;
    return { entry: best, method: 'name_fuzzy', score: bestScore, tie };
  }
}

const dataDir = new URL('./data/', import.meta.url);
const cache = new Map<string, Catalog>();

/** The catalog for a classification and fiscal year: the newest data file not after that year. */
export function loadCatalog(kind: Classification, year: number | null): Catalog {
  const years = kind === 'functional' ? [2024] : [2024];
  const chosen = years.filter((y) => year === null || y <= year).pop() ?? years[0]!;
  const key = `${kind}-${chosen}`;
  let catalog = cache.get(key);
  if (!catalog) {
    const raw: unknown = JSON.parse(readFileSync(new URL(`${key}.json`, dataDir), 'utf8'));
    const file = CatalogFile.parse(raw);
    catalog = new Catalog(file.kind, file.year, file.entries);
    cache.set(key, catalog);
  }
  return catalog;
}

/** Level of a code by its length: 3 → 类, 5 → 款, 7 → 项 (economic 7-digit codes are local children). */
export function codeLevel(code: string): number | null {
  return code.length === 3 ? 1 : code.length === 5 ? 2 : code.length === 7 ? 3 : null;
}

export function parentCode(code: string): string | null {
  return code.length === 5 ? code.slice(0, 3) : code.length === 7 ? code.slice(0, 5) : null;
}
