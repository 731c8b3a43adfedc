import type { ExtractedDocument } from '@juesuan/model';
import { HEADING_LEVELS } from '@juesuan/model';
import { regionOfName } from './divisions.ts';

/** Lines that name the publishing body outright: 预算主管部门：… / 部门：… / 单位名称：… */
const LABELLED = /(?:预算主管部门|主管部门|预算单位|编制部门|编制单位|部门名称|单位名称|部门)\s*[:：]\s*([\u4e00-\u9fa5（）()·XＸ×]{2,40})/;
/** The cover's title: [year] NAME [（本级）] [year] [区级…] [部门|单位] 预算|决算 */
const COVER_TITLE = /^(?:\d{4}年度?)?(.+?)(?:[（(]本级[)）])?(?:\d{4}年度?)?(?:区级|市级|省级|县级)?(?:部门|单位)?(?:预算|决算)/;
/** Where the cover ends: the contents, the first part or heading. */
/** Where a cover ends: the 目录, or the first heading of parts 1–3 (第一部分, 一、, （一）). */
const COVER_END = new RegExp(`^(?:目录|${HEADING_LEVELS.filter((h) => h.level <= 3).map((h) => h.numbering).join('|')})`);
const NAME = /^[\u4e00-\u9fa5（）()·XＸ×]{2,40}$/;
/** Common abbreviations of a body's name, so that 江苏省委办公厅 and 中国共产党江苏省委员会办公厅 are one. */
const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^中国共产党(.+?)委员会/, '$1委'],
  [/^中共/, ''],
  [/^中国人民政治协商会议(.+?)委员会/, '$1政协'],
  [/人民代表大会常务委员会/, '人大常委会'],
  [/[（(]本级[)）]$/, ''],
];

const squash = (s: string) => s.replace(/\s+/g, '');
/** (本级) says which budget it is, not who publishes it; a code prefix (347001-) is the unit's number. */
const tidy = (name: string) => name.replace(/^\d+[-—]/, '').replace(/[（(]本级[)）]$/, '');

/** A name that is a body, not a region alone (上海市普陀区) nor a fragment of a sentence. */
function isBodyName(name: string): boolean {
  if (!NAME.test(name) || /年|预算|决算|我单位|本部门/.test(name)) return false;
  const region = regionOfName(name);
  return !(region.name !== null && [region.province, region.city, region.county].some((n) => n === name || `${region.province ?? ''}${region.county ?? ''}` === name || region.name === name));
}

/** The first lines of the first page, up to its contents or first heading, joined. */
export function coverText(doc: ExtractedDocument): string {
  const lines: string[] = [];
  for (const l of doc.pages[0]?.lines ?? []) {
    const t = squash(l.text).replace(/^[.·。,，]+/, '');
    if (l.inTable || t === '' || /^\d+$/.test(t)) continue;
    if (COVER_END.test(t) || lines.length >= 8) break;
    lines.push(t);
  }
  return lines.join('');
}

function fromLabelled(doc: ExtractedDocument): string | null {
  for (const p of doc.pages.slice(0, 3))
    for (const l of p.lines) {
      const m = LABELLED.exec(squash(l.text).replace(/单位\s*[:：].*?元/, ''));
      if (m && isBodyName(tidy(m[1]!))) return tidy(m[1]!);
    }
  return null;
}

function fromCover(doc: ExtractedDocument): string | null {
  const m = COVER_TITLE.exec(coverText(doc));
  const name = m ? tidy(m[1]!) : null;
  return name && isBodyName(name) ? name : null;
}

/** The 部门：… lines above the tables: the one printed most, its longest spelling (a wrapped line is cut short). */
function fromTables(doc: ExtractedDocument): string | null {
  const names = doc.tables.map((t) => t.meta.department).filter((d): d is string => d !== null).map(tidy).filter(isBodyName);
  if (names.length === 0) return null;
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + names.filter((o) => o !== n && n.startsWith(o)).length + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]![0];
}

/**
 * Who publishes the report, as printed: a labelled line of the first pages, the cover's title,
 * the tables' 部门：lines; `null` when none of them names a body (the caller falls back to the
 * narrative, then the file name).
 */
export function printedDepartment(doc: ExtractedDocument): string | null {
  return fromLabelled(doc) ?? fromCover(doc) ?? fromTables(doc);
}

/** An OCR reading of a name may differ from the spelling the text prints in one character in four. */
const RESPELL_SHARE = 4;
/** …and must be printed this often: a body the text mentions in passing is not the publisher. */
const MIN_PRINTED = 3;

/** How many times the text prints `s`. */
export const occurrences = (text: string, s: string) => text.split(s).length - 1;

/**
 * Pass "department agrees with the text": the spelling the text prints of a name OCR read once
 * (矿芬省高级人民法院 on a cover, 江苏省高级人民法院 in every title) — as long, ending alike, within
 * one character in four, printed three times at least and more often than the name; else null.
 */
export function spellingInText(name: string, text: string): string | null {
  const own = occurrences(text, name);
  const most = Math.floor(name.length / RESPELL_SHARE);
  if (own >= 2 || most === 0) return null;
  const counts = new Map<string, number>();
  for (let i = 0; i + name.length <= text.length; i++) {
    if (text[i + name.length - 1] !== name.at(-1)) continue;
    const window = text.slice(i, i + name.length);
    let differ = 0;
    for (let k = 0; k < name.length && differ <= most; k++) if (window[k] !== name[k]) differ++;
    if (differ >= 1 && differ <= most && isBodyName(window)) counts.set(window, (counts.get(window) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= MIN_PRINTED && best[1] > own ? best[0] : null;
}

/** The department as a key that its abbreviations share: 中国共产党江苏省委员会办公厅 → 江苏省委办公厅. */
export function departmentKey(name: string): string {
  return ABBREVIATIONS.reduce((n, [re, to]) => n.replace(re, to), squash(name));
}

/** A file name with its crawler prefix (深圳_…) and leading year (2026年, 24年) taken off. */
export function fileStem(base: string): string {
  return base
    .replace(/\.[a-z]+$/i, '')
    .replace(/^(?:[\u4e00-\u9fa5]{1,6}_)+/, '')
    .replace(/^(?:\d{2}|\d{4})年度?/, '');
}

/** Scope from the way the tables name the body: 部门：… (a department) or 单位名称：… (one unit). */
export function scopeOfTables(doc: ExtractedDocument): 'department' | 'unit' | null {
  const lines = doc.tables.map((t) => t.meta.unitLine ?? '').join('\n');
  if (/(?:预算主管部门|编制部门|部门名称|部门)\s*[:：]/.test(lines)) return 'department';
  if (/(?:预算单位|单位名称)\s*[:：]/.test(lines)) return 'unit';
  return null;
}
