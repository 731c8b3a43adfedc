import type { DocumentKind, Table } from '@juesuan/model';
import { canonicalConfusable, canonicalPattern, normalizeConfusions } from '../registry/ocr-confusions.ts';
import type { Family, TableKindSpec } from '../registry/table-kinds.ts';
import { HEADER_SIGNS_NAMING_KIND, TABLE_KINDS } from '../registry/table-kinds.ts';
import { NEAR_MIN_LENGTH, nearlyMatches } from './title-near-match.ts';

/** Below this the kind is `other`, with a finding naming the candidates. */
export const KIND_CONFIDENCE_THRESHOLD = 0.5;
/** A title that names a kind only with a character dropped, added or misread beyond the look-alikes. */
const NEAR_TITLE = 0.6;

export interface KindEvidence {
  title: string | null;
  headerText: string;
  docKind: DocumentKind;
  panels: number;
  /** the account codes printed in the data rows */
  rowCodes: string[];
  /** the table was read by OCR: confusable characters in its title are weighed too */
  ocr?: boolean;
}

export interface Classification {
  kind: string;
  confidence: number;
  evidence: string[];
  /** the kinds that were weighed, best first, when the kind is uncertain */
  candidates: Array<{ kind: string; confidence: number }>;
}

/** The title without numbering, year, publisher, quotes or whitespace: 公开01表：2018年度XX局收支预算总表 → 收支预算总表. */
export function normalizeTitle(title: string | null): string {
  const raw = (title ?? '').replace(/\s+/g, '').replace(/[“”"'‘’「」]/g, '');
  const afterYear = raw.replace(/^.*?\d{4}年度?/, '');
  // a year printed after the name (…绩效自评表(2022年度)) is dropped, not everything before it
  return /表/.test(afterYear) ? afterYear : raw.replace(/[（(]\d{4}年度?[)）]/g, '');
}

function familyOf(title: string, docKind: DocumentKind): Family {
  if (/决算/.test(title)) return 'final';
  if (/预算/.test(title) && docKind !== 'final') return 'budget';
  return docKind === 'budget' ? 'budget' : 'final';
}

/** functional (2xx…) or economic (30x…) codes, whichever the rows print more of */
export function codeFamily(codes: string[]): 'functional' | 'economic' | null {
  const econ = codes.filter((c) => /^3[019]\d(\d{2}){0,2}$/.test(c)).length;
  const func = codes.filter((c) => /^2[0-3]\d(\d{2}){0,2}$/.test(c)).length;
  if (econ + func < 2) return null;
  return econ > func ? 'economic' : 'functional';
}

function titleMatches(spec: TableKindSpec, title: string): boolean {
  return spec.titles.some((re) => re.test(title)) && !spec.notTitles.some((re) => re.test(title));
}

/** The title and the kind's patterns both with OCR-confusable characters put to one of their group. */
function titleMatchesConfusable(spec: TableKindSpec, title: string): boolean {
  const t = canonicalConfusable(title);
  return spec.titles.some((re) => canonicalPattern(re).test(t)) && !spec.notTitles.some((re) => canonicalPattern(re).test(t));
}

/** A short word may hold the one edit when the rows' codes are the kind's (基本支出 read as 基札支出 above 301… rows, 支出 as 支屹 above 2xx rows). */
const NEAR_MIN_LENGTH_ROWS_CONFIRM = 2;

/**
 * Through the look-alikes, the title holds the kind's words with one character misread, dropped or
 * added: in a long word, or in a shorter one when the rows' codes are of the kind's family.
 */
function titleNearlyMatchesConfusable(spec: TableKindSpec, title: string, rowCodes: string[]): boolean {
  const t = canonicalConfusable(title);
  const rows = codeFamily(rowCodes);
  const minLength = rows !== null && rows === spec.rows ? NEAR_MIN_LENGTH_ROWS_CONFIRM : NEAR_MIN_LENGTH;
  const namesAlone = (run: string) => !OTHER_KINDS_TITLE_CHARACTERS.get(spec)!.includes(run);
  return spec.titles.some((re) => nearlyMatches(canonicalPattern(re), t, minLength, namesAlone)) && !spec.notTitles.some((re) => canonicalPattern(re).test(t));
}

/** Every other kind's title characters through the look-alikes (optional and alternative words run together, to be safe): a run naming a kind alone is in none. */
const OTHER_KINDS_TITLE_CHARACTERS = new Map(
  TABLE_KINDS.map((spec) => [spec, TABLE_KINDS.filter((o) => o !== spec).flatMap((o) => o.titles.map((re) => canonicalPattern(re).source.replace(/[^\u4e00-\u9fff]+/g, ''))).join('|')]),
);

/** The header, through the look-alikes, prints enough of the words only this kind's header has. */
function headerNamesKind(spec: TableKindSpec, headerText: string): boolean {
  const h = canonicalConfusable(headerText.replace(/\s+/g, ''));
  return spec.headerSigns.filter((re) => canonicalPattern(re).test(h)).length >= HEADER_SIGNS_NAMING_KIND;
}

function kindId(spec: TableKindSpec, family: Family): string | null {
  if (spec.families.includes(family)) return `${family}.${spec.stem}`;
  // performance tables stand in 决算 and 绩效 documents alike
  if (spec.families.length === 1 && spec.families[0] === 'performance' && family === 'final') return `performance.${spec.stem}`;
  return null;
}

/** Income and expenditure side by side: two panels under 收入 and 支出 (its 出 misread at times: 支师). */
function twoSided(ev: KindEvidence): boolean {
  const h = normalizeConfusions(ev.headerText.replace(/\s+/g, ''));
  return ev.panels >= 2 && /收入/.test(h) && /支/.test(h);
}

/** How well the rows and the header fit the kind the title names, with the reasons. */
function weigh(spec: TableKindSpec, ev: KindEvidence, base: number, why: string): { confidence: number; evidence: string[] } {
  const evidence = [why];
  let confidence = base;
  const rows = codeFamily(ev.rowCodes);
  const wants = spec.rows === 'functional' || spec.rows === 'economic' ? spec.rows : null;
  if (wants && rows && rows !== wants) {
    confidence -= 0.5;
    evidence.push(`rows: ${rows} codes where ${wants} codes belong`);
  } else if (wants && rows === wants) {
    confidence = Math.min(1, confidence + 0.05);
    evidence.push(`rows: ${rows} codes`);
  }
  if (spec.header.length > 0) {
    const h = normalizeConfusions(ev.headerText.replace(/\s+/g, ''));
    if (spec.header.every((re) => re.test(h)) || ev.panels >= 2) evidence.push('header: both sides');
    else {
      confidence -= 0.2;
      evidence.push('header: sides not printed');
    }
  } else if (spec.oneSide && twoSided(ev)) {
    // income beside expenditure is never a one-sided kind's layout (收入支出决算总表 read 收入支画…)
    confidence -= 0.5;
    evidence.push('header: income and expenditure side by side, as this kind never prints');
  }
  return { confidence: Math.max(0, Math.round(confidence * 100) / 100), evidence };
}

/** Canonical kind of a table from its title, header and rows, with its confidence and evidence. */
export function classifyTable(ev: KindEvidence): Classification {
  const printed = normalizeTitle(ev.title);
  const repaired = normalizeConfusions(printed);
  const family = familyOf(repaired, ev.docKind);
  const candidates: Array<{ kind: string; confidence: number; evidence: string[]; near?: boolean }> = [];
  for (const spec of TABLE_KINDS) {
    const id = kindId(spec, family);
    if (!id) continue;
    if (titleMatches(spec, printed)) candidates.push({ kind: id, ...weigh(spec, ev, 0.9, `title: ${printed}`) });
    else if (titleMatches(spec, repaired)) candidates.push({ kind: id, ...weigh(spec, ev, 0.8, `title read through OCR confusions: ${repaired}`) });
    // a character misread that no known pair repairs (it may leave a less specific title standing)
    else if (ev.ocr && titleMatchesConfusable(spec, repaired)) candidates.push({ kind: id, ...weigh(spec, ev, 0.7, `title read with OCR-confusable characters: ${repaired}`) });
    // a character dropped or added too (一 read as a quote): a more specific kind than the words read exactly may name, unsure
    else if (ev.ocr && titleNearlyMatchesConfusable(spec, repaired, ev.rowCodes)) candidates.push({ kind: id, near: true, ...weigh(spec, ev, NEAR_TITLE, `title nearly names it: ${repaired}`) });
    // a title misread past that (政府采购 read 政厉采购): the columns only this kind prints, unsure
    else if (ev.ocr && headerNamesKind(spec, ev.headerText)) candidates.push({ kind: id, near: true, ...weigh(spec, ev, NEAR_TITLE, 'header prints the columns only this kind has') });
  }
  // no title that fits: a table printing 收入 and 支出 side by side is a summary
  if (!candidates.some((c) => c.confidence >= KIND_CONFIDENCE_THRESHOLD) && twoSided(ev)) {
    candidates.push({ kind: `${family}.summary`, confidence: 0.6, evidence: ['header: income and expenditure side by side'], near: candidates.length > 0 });
  }
  // the first title match is the most specific; a later one wins only when the rows disagree with it
  const best = candidates.find((c) => c.confidence >= KIND_CONFIDENCE_THRESHOLD);
  const others = candidates.map(({ kind, confidence }) => ({ kind, confidence }));
  if (!best) return { kind: 'other', confidence: candidates[0]?.confidence ?? 0, evidence: candidates[0]?.evidence ?? ['no title or header names a standard table'], candidates: others };
  return { kind: best.kind, confidence: best.confidence, evidence: best.evidence, candidates: best === candidates[0] && !best.near ? [] : others };
}

/** The codes printed in a table's data rows: a code column, or a code leading the name. */
export function rowCodesOf(table: Table): string[] {
  const out: string[] = [];
  for (const c of table.cells) {
    if (c.row < table.headerRows) continue;
    const m = /^(\d{3}(?:\d{2}){0,2})(?!\d)/.exec(c.text.replace(/\s+/g, ''));
    if (m && !/[.,]/.test(c.text)) out.push(m[1]!);
  }
  return out;
}
