import type { AmountRecord } from '@juesuan/model';
import { distance } from 'fastest-levenshtein';
import type { Catalog, CatalogEntry } from '../catalog/catalog.ts';
import { codeLevel, nameSimilarity, normalizeName, parentCode } from '../catalog/catalog.ts';
import { ITEM_NUMBERING } from '@juesuan/model';
import { isTotalLabel, labelKey } from './labels.ts';
import { canonicalConfusable } from '../registry/ocr-confusions.ts';
import { flagValue, flagWith } from '../flags.ts';

/** A name read within a character in six (at most two) of a known one is taken for it; a look-alike read for a character costs nothing. */
export function closeEnough(read: string, known: string): boolean {
  const d = distance(canonicalConfusable(read), canonicalConfusable(known));
  return read !== known && d <= Math.min(2, Math.max(1, Math.floor(known.length / 6)));
}

const TOTAL_WORDS = ['合计', '总计', '小计'];

/** A total's label whose last word OCR misread (收入总讥, 支出台计): that word put back; else null. */
export function totalWordRestored(name: string): string | null {
  const tail = canonicalConfusable(name.slice(-2));
  const word = TOTAL_WORDS.find((w) => canonicalConfusable(w) === tail);
  return word && !name.endsWith(word) ? name.slice(0, -2) + word : null;
}

/**
 * The name each code goes by in the document: the label most of its rows carry, counting only
 * labels a text layer printed or two OCR tables read alike (one reading proves nothing); two
 * OCR readings only name a code the catalog lacks (one misread code, copied in two tables, would
 * otherwise outvote the catalog).
 */
function documentNames(records: AmountRecord[], ocrTables: Set<number>, catalogs: Catalogs): Map<string, string> {
  const seen = new Map<string, Map<string, Set<number>>>();
  for (const r of records) {
    if (!r.code || !r.label) continue;
    const byName = seen.get(r.code) ?? new Map<string, Set<number>>();
    const n = normalizeName(r.label);
    byName.set(n, (byName.get(n) ?? new Set<number>()).add(ocrTables.has(r.tableIndex) ? r.tableIndex : -1));
    seen.set(r.code, byName);
  }
  const out = new Map<string, string>();
  for (const [code, names] of seen) {
    const inCatalog = catalogOf(code, catalogs).get(code) !== undefined;
    const trusted = [...names].filter(([, tables]) => tables.has(-1) || (tables.size >= 2 && !inCatalog)).sort((a, b) => b[1].size - a[1].size);
    if (trusted[0]) out.set(code, trusted[0][0]);
  }
  return out;
}

export interface Catalogs {
  functional: Catalog;
  economic: Catalog;
}

export const catalogOf = (code: string, c: Catalogs) => (code.startsWith('3') ? c.economic : c.functional);

/**
 * The catalog of each OCR table whose rows are mostly coded: the one most of its codes come from.
 * Its uncoded rows (a code cell misread past reading, 302.34) are looked up there.
 */
function codedTables(records: AmountRecord[], ocrTables: Set<number>, catalogs: Catalogs): Map<number, Catalog> {
  const out = new Map<number, Catalog>();
  for (const t of ocrTables) {
    const rows = records.filter((r) => r.tableIndex === t);
    const coded = rows.filter((r) => r.code !== null);
    if (coded.length === 0 || coded.length * 2 < rows.length) continue;
    out.set(t, coded.filter((r) => r.code!.startsWith('3')).length * 2 > coded.length ? catalogs.economic : catalogs.functional);
  }
  return out;
}

/** The names a record's label should be: its code's in the document and in the catalog, or, uncoded, the catalog name nearest it. */
function knownNames(r: AmountRecord, name: string, docNames: Map<string, string>, catalog: Catalog | undefined, catalogs: Catalogs): string[] {
  if (r.code) return [docNames.get(r.code), catalogOf(r.code, catalogs).get(r.code)?.name].filter((n): n is string => n !== undefined).map(normalizeName);
  const cat = catalog ?? catalogs.functional;
  const m = cat.matchName(name, { minScore: 0.6 });
  // a tie of one name printed at two levels (30239, 3023902) still names the row
  return m && (!m.tie || oneCode(cat, m.entry.name)) ? [normalizeName(m.entry.name)] : [];
}

/** The code a name stands for: its only entry, or the top of one line of entries sharing it (30239 over 3023902). */
function oneCode(catalog: Catalog, name: string): CatalogEntry | null {
  const [top, ...rest] = catalog.codesNamed(name);
  return top && rest.every((e) => e.code.startsWith(top.code)) ? top : null;
}

/**
 * A label read names another item than its code when it shares less than `share` with every name the
 * code goes by and is longer or shorter than each by `lengths` times: 衫归口笛理的行政单位屹退佛
 * (未归口管理的行政单位离退休, 2080504, a code later catalogs dropped) read on 2080501 行政单位离退休
 * shares 0.33 at 13 characters to 7. A name garbled by OCR (a fax's 小体费 for 离休费) keeps its length.
 */
const ANOTHER_ITEM = { share: 0.5, lengths: 1.5 } as const;

/** Whether a label read names another item than every name its code goes by (in the document and the catalog). */
export function namesAnotherItem(read: string, own: string[]): boolean {
  const apart = (k: string) => Math.max(read.length, k.length) >= ANOTHER_ITEM.lengths * Math.min(read.length, k.length);
  return own.length > 0 && own.every((k) => nameSimilarity(read, k) < ANOTHER_ITEM.share && apart(k));
}

/** The record takes `code`, with its level and parent. */
export function takeCode(r: AmountRecord, code: string): void {
  r.code = code;
  r.codeLevel = codeLevel(code);
  r.parentCode = parentCode(code);
}

/** An uncoded row of a coded table whose label was one misread away from a catalog name: that name's code, flagged as found by a near name. */
function codeFromName(r: AmountRecord, read: string, name: string, catalog: Catalog | undefined): void {
  const entry = r.code === null && catalog && !isTotalLabel(name) ? oneCode(catalog, name) : null;
  if (!entry) return;
  takeCode(r, entry.code);
  r.codeMethod = 'name_fuzzy';
  r.codeScore = nameSimilarity(read, name);
  r.flags.push('code_low_score');
}


/** The code its name says, taken: that mismatch is settled, the code as read kept in `code_read:`. */
function takeNamedCode(r: AmountRecord, code: string): void {
  r.flags = r.flags.filter((f) => f !== 'code_name_mismatch' && f !== 'code_unknown' && f !== flagWith('name_says', code));
  r.flags.push(flagWith('code_read', r.code));
  r.codePrinted ??= r.code;
  takeCode(r, code);
}

/**
 * Labels and codes of OCR tables checked against each other. A total whose last word was misread
 * (收入总讥) has it put back, flagged `label_read:`. A label a character or two off the
 * name its code has (in this document, else in the catalog) is set to that name, its numbering
 * kept and the printed reading kept in a `label_read:` flag. A code whose label names another
 * code one digit away, or a code that begins with the one read (303 for 30311, its last digits
 * lost), is that code, flagged `code_read:` with the code as read; a code whose label fits
 * neither is flagged `code_label_mismatch`.
 */
export function checkOcrLabels(records: AmountRecord[], ocrTables: Set<number>, catalogs: Catalogs): void {
  const docNames = documentNames(records, ocrTables, catalogs);
  const coded = codedTables(records, ocrTables, catalogs);
  for (const r of records) {
    if (!ocrTables.has(r.tableIndex) || !r.label) continue;
    const prefix = ITEM_NUMBERING.exec(r.label.replace(/\s+/g, ''))?.[0] ?? '';
    const name = normalizeName(r.label);
    if (name.length < 2) continue;
    const total = r.code ? null : totalWordRestored(r.label.replace(/\s+/g, ''));
    if (total) {
      r.flags.push(flagWith('label_read', r.label));
      r.label = total;
      r.labelKey = labelKey(total);
      continue;
    }
    const says = flagValue(r.flags, 'name_says');
    // a code the catalog lacks, misread alike in two tables (221 read 241), whose name says a code a digit away
    if (r.code && says && says.length === r.code.length && distance(says, r.code) === 1 && !catalogOf(r.code, catalogs).get(r.code)) {
      takeNamedCode(r, says);
      continue;
    }
    const known = knownNames(r, name, docNames, coded.get(r.tableIndex), catalogs);
    if (known.includes(name)) continue;
    const near = known.find((k) => closeEnough(name, k));
    if (near) {
      r.flags.push(flagWith('label_read', r.label));
      r.label = `${prefix}${near}`;
      r.labelKey = labelKey(r.label);
      codeFromName(r, name, near, coded.get(r.tableIndex));
      continue;
    }
    if (!r.code) continue;
    // a code read short (a seal over 30311 left 303): the label is exactly the name of a code it begins
    if (says && says.length > r.code.length && says.startsWith(r.code)) {
      takeNamedCode(r, says);
      continue;
    }
    const catalog = catalogOf(r.code, catalogs);
    // a digit misread under the same parent: the label names a sibling; or a digit of the parent
    // misread (2101101 read 2100101): the label is exactly another code's name, one digit away
    const sibling = catalog.matchName(name, { parent: parentCode(r.code), level: codeLevel(r.code) ?? undefined, minScore: 0.9 });
    const exact = catalog.matchName(name, { level: codeLevel(r.code) ?? undefined });
    // a label a character off another code's name, one digit from the code read (行政单位陈疗 on 2100101): both misread
    const nearby = catalog.matchName(name, { level: codeLevel(r.code) ?? undefined, minScore: 0.6 });
    const misread = nearby && closeEnough(name, normalizeName(nearby.entry.name)) ? nearby : null;
    const named = sibling && !sibling.tie ? sibling : exact?.method === 'name_exact' ? exact : misread;
    if (!named) {
      // no other code named, but its label names another item than its own code: the code is doubted
      if (catalog.get(r.code) && namesAnotherItem(name, known)) r.flags.push('code_label_mismatch');
      continue;
    }
    if (named.tie || named.entry.code === r.code) continue;
    if (distance(named.entry.code, r.code) <= 1) {
      takeNamedCode(r, named.entry.code);
      if (named === misread) {
        r.flags.push(flagWith('label_read', r.label));
        r.label = `${prefix}${normalizeName(misread.entry.name)}`;
        r.labelKey = labelKey(r.label);
      }
    } else if (catalog.get(r.code)) r.flags.push('code_label_mismatch');
  }
}
