import { isLineNumbering } from '@juesuan/model';
import type { Vocabulary } from '../registry/measures.ts';
import { CARRYOVER_SOURCES, FUND_RULES, VOCABULARIES } from '../registry/measures.ts';
import { canonicalConfusable, canonicalPattern } from '../registry/ocr-confusions.ts';
import { kindSpec } from '../registry/table-kinds.ts';
import { distance } from 'fastest-levenshtein';

export type Side = 'income' | 'expenditure' | null;

/** Header parts that name something: whitespace, quotes and 栏次 numbers dropped. */
function meaningfulParts(path: string[]): string[] {
  return path.map((p) => p.replace(/\s+|[“”"]/g, '')).filter((p) => p !== '' && !/^\d+$/.test(p));
}

/** The deepest header part that a rule of the vocabulary names, with the rule's id. */
function deepestMatch(parts: string[], rules: Vocabulary['rules']): { id: string; at: number } | null {
  for (let i = parts.length - 1; i >= 0; i--) {
    for (const [re, id] of rules) if (re.test(parts[i]!)) return { id, at: i };
  }
  return null;
}

/** A 小计 right under a group of the header's top (the 三公 group's own, not 公务用车's a level deeper). */
export function isGroupSubtotal(parts: string[]): boolean {
  return parts.length === 2 && /^小计$/.test(parts[1]!) && !/公务用车/.test(parts[0]!);
}

/** A 三公 header part that names only the stage or the unit of a column (预算数, 决算, 万元). */
const STAGE_PART = /^(预算|决算)?数?$|^(金额|[(（]?万?元[)）]?)$/;

/** 三公 columns: 小计 under its group, 合计 of 三公 + 会议费 + 培训费, stage from 预算/决算 above. */
function threePublicMeasure(parts: string[], family: string, ctx: MeasureContext): string | null {
  const { threePublicGroup: tableHasGroup, ocr } = ctx;
  const stage = [...parts.join('|').matchAll(/预算|决算/g)].pop()?.[0];
  // read by OCR, a column of a table printing both stages whose stage word was misread (预算数 read 3) could be either
  if (ocr && ctx.bothStages && !stage) return null;
  const prefix = stage === '决算' ? 'final' : stage === '预算' ? 'budget' : family;
  let id: string | null = null;
  let at = parts.length;
  for (let i = parts.length - 1; i >= 0 && id === null; i--) {
    at = i;
    // read by OCR, a two-character heading ending in 计 is a total word whose first character was misread (仕计, 仄计)
    const part = ocr && /^.计$/.test(parts[i]!) && !/^(小|总)计$/.test(parts[i]!) ? '合计' : parts[i]!;
    const above = parts[i - 1] ?? '';
    if (/^(小计|合计|总计)$/.test(part) && /公务用车/.test(above)) id = 'vehicle_total';
    else if (/^(小计|合计)$/.test(part) && /三公/.test(above)) id = 'total';
    // OCR garbled the group names: the 三公 小计 stands right under the top, 公务用车's a level deeper
    else if (ocr && tableHasGroup && i === parts.length - 1 && /^小计$/.test(part)) id = isGroupSubtotal(parts) ? 'total' : 'vehicle_total';
    else if (/^(合计|总计)$/.test(part)) id = tableHasGroup ? 'grand_total' : 'total';
    else id = deepestMatchRead([part], VOCABULARIES.three_public.rules, ocr)?.id ?? null;
  }
  // read by OCR, the column's own heading under the one that named it misread (因公出国 read 夕公兄国): the group above names its siblings too
  // (a stage, a unit, a fund or a word of a vocabulary under it was read right: 小计 under 因公出国 is its subtotal,
  // a fund tells repeated columns apart later)
  if (ocr && parts.slice(at + 1).some((p) => !STAGE_PART.test(p) && !FUND_RULES.some(([re]) => re.test(p)) && !HEADER_WORDS.has(p))) return null;
  if (id === 'agency_operation') return id;
  return id ? `${prefix}.${id}` : null;
}

export interface MeasureContext {
  kind: string;
  side: Side;
  /** a three_public table with a “三公” group beside 会议费/培训费 */
  threePublicGroup: boolean;
  /** a three_public table whose header prints 预算 columns and 决算 columns */
  bothStages?: boolean;
  /** the table was read by OCR: a header no rule names is matched again with confusable characters weighed */
  ocr?: boolean;
}

/** A header word this long may hold one character OCR misread past the look-alikes (基本支出 read 桃木支出). */
const NEAR_HEADER_LENGTH = 4;

/** What may stand beside a measure's words in its header (财政拨款收入, 一般公共预算财政拨款, 一般公共预算拨款收入). */
const HEADER_FILLER = /^(收入|支出|预算|决算|财政拨款|拨款|资金|经费|数|金额)*$/;

/** An alternative of Chinese characters and optional groups of them: 一般公共(?:预算)?. */
const WORD_WITH_OPTIONAL = /^(?:[\u4e00-\u9fff]|\(\?:[\u4e00-\u9fff]+\)\?)+$/;

/** Every word an alternative names, each optional group left out or kept: 一般公共, 一般公共预算. */
function expandOptional(alternative: string): string[] {
  const m = /\(\?:([\u4e00-\u9fff]+)\)\?/.exec(alternative);
  if (!m) return [alternative];
  const [before, after] = [alternative.slice(0, m.index), alternative.slice(m.index + m[0].length)];
  return expandOptional(after).flatMap((rest) => [before + rest, before + m[1]! + rest]);
}

/** The words a rule names: its alternatives when each is Chinese, optional groups spelt out (本年收入合计|本年支出合计, 一般公共(?:预算)?). */
function ruleWords(re: RegExp): string[] {
  const alternatives = canonicalPattern(re).source.split('|');
  return alternatives.every((w) => WORD_WITH_OPTIONAL.test(w)) ? alternatives.flatMap(expandOptional) : [];
}

/** The part holds one of the rule's words with one character off, and beside it only filler: 债务还本支出 holds 还本支出, no 基本支出. */
function nearWord(re: RegExp, part: string): boolean {
  const chars = [...part];
  const filler = (from: number, to: number) => HEADER_FILLER.test(chars.slice(from, to).join(''));
  return ruleWords(re).some((word) => {
    const n = [...word].length;
    if (n < NEAR_HEADER_LENGTH) return false;
    // every span of the part one character longer or shorter than the word, or as long
    for (let i = 0; i < chars.length; i++) {
      for (const len of [n - 1, n, n + 1]) {
        if (i + len > chars.length || !filler(0, i) || !filler(i + len, chars.length)) continue;
        if (distance(word, chars.slice(i, i + len).join('')) === 1) return true;
      }
    }
    return false;
  });
}

/** The one rule whose word a header part holds with one character misread, dropped or added; null for none or several. */
function nearMatch(part: string, rules: Vocabulary['rules']): string | null {
  const ids = new Set(rules.filter(([re]) => nearWord(re, part)).map(([, id]) => id));
  return ids.size === 1 ? [...ids][0]! : null;
}

/**
 * The deepest match; read by OCR, a deeper header part matched with every confusable character put
 * to its group's first (金频 is 金额), or else nearly (桃木支出 is 基本支出), wins over it: the column's
 * own header misread must not leave it the measure of the group above (一般公共预算支出).
 */
function deepestMatchRead(parts: string[], rules: Vocabulary['rules'], ocr: boolean | undefined): { id: string; at: number } | null {
  const exact = deepestMatch(parts, rules);
  if (!ocr || exact?.at === parts.length - 1) return exact;
  const read = parts.map(canonicalConfusable);
  const confusable = deepestMatch(read, rules.map(([re, id]): [RegExp, string] => [canonicalPattern(re), id]));
  const best = confusable && confusable.at > (exact?.at ?? -1) ? confusable : exact;
  for (let at = read.length - 1; at > (best?.at ?? -1); at--) {
    const id = nearMatch(read[at]!, rules);
    if (id) return { id, at };
  }
  return best;
}

/**
 * The vocabulary's words as long as a short header part that differ from it in one place only,
 * where the vocabulary itself varies that place (合计 小计 总计, 决算数 预算数): none if the part is a word.
 */
function freeCharacterWords(part: string, rules: Vocabulary['rules']): string[] {
  const chars = [...part];
  if (chars.length < 2 || chars.length >= NEAR_HEADER_LENGTH || HEADER_WORDS.has(part)) return [];
  const words = rules.flatMap(([re]) => ruleWords(re)).filter((w) => [...w].length === chars.length);
  for (let i = 0; i < chars.length; i++) {
    const rest = (w: string) => [...w].filter((_, j) => j !== i).join('');
    const same = words.filter((w) => rest(w) === rest(part));
    if (same.length >= 2) return same;
  }
  return [];
}

/** Every word any vocabulary names: a header read as one of them was read right (小计 beside a vocabulary of 合计 and 总计). */
const HEADER_WORDS: ReadonlySet<string> = new Set(Object.values(VOCABULARIES).flatMap((v) => v.rules.flatMap(([re]) => ruleWords(re))));

/**
 * Read by OCR, a column's own short header one character off the vocabulary where the character
 * names nothing (映计, 欢算数): the measure every word it could be gives the column, or null when they differ.
 */
function measureThroughFreeCharacter(parts: string[], rules: Vocabulary['rules'], ctx: MeasureContext): string | null {
  const words = freeCharacterWords(canonicalConfusable(parts[parts.length - 1]!), rules);
  const measures = new Set(words.map((w) => measureOf([...parts.slice(0, -1), w], { ...ctx, ocr: false })));
  return measures.size === 1 ? [...measures][0]! : null;
}

/**
 * Canonical measure of an amount column from its header path (top to bottom), through the
 * vocabulary the kind's registry entry names: the deepest header that a rule names decides.
 * null when the header names nothing known.
 */
export function measureOf(path: string[], ctx: MeasureContext): string | null {
  const parts = meaningfulParts(path);
  if (parts.length === 0) return null;
  if (parts.every((p) => isLineNumbering(p) || /^(项目|收入|支出)$/.test(p)) && parts.some(isLineNumbering)) return null;
  const spec = kindSpec(ctx.kind);
  const family = ctx.kind.split('.')[0] ?? 'budget';
  if (spec?.columns === 'three_public') return threePublicMeasure(parts, family, ctx);
  const vocab: Vocabulary = typeof spec?.columns === 'object' ? VOCABULARIES[ctx.side === 'income' ? spec.columns.income : spec.columns.expenditure] : VOCABULARIES[spec?.columns ?? 'general'];
  let match = deepestMatchRead(parts, vocab.rules, ctx.ocr);
  if (ctx.ocr && (match?.at ?? -1) < parts.length - 1) {
    const read = measureThroughFreeCharacter(parts, vocab.rules, ctx);
    if (read) return read;
  }
  // a column's own header OCR read as no word (合计 read 他诈), or as filler alone (政府性基金预算 wrapped, its first
  // line lost: 预算), leaves it unknown: the group above names its siblings too (no printed header below a group is filler alone)
  if (ctx.ocr && match && match.at < parts.length - 1) return null;
  // the 决算 basic table prints one 决算数 column per panel: the panel says personnel or public
  // (a header naming no amount, 经济分类科目编码 misread, is no amount column)
  if (spec?.panels === 'personnel_public' && family === 'final') return match ? 'amount' : null;
  // 金额 under a group (事业收入 / 金额 beside 其中：教育收费) is the group's amount
  if (match?.id === 'amount' && match.at > 0) {
    const group = deepestMatch(parts.slice(0, match.at), vocab.rules);
    if (group && group.at === match.at - 1 && group.id !== 'amount') match = group;
  }
  // the 小计 of a column group named 基本支出 or 项目支出 alone is that group's measure
  if (match?.id === 'total' && match.at > 0 && /^(小计|合计)$/.test(parts[match.at]!)) {
    const group = deepestMatch(parts.slice(0, match.at), vocab.rules);
    if (group && /^(基本支出|项目支出)$/.test(parts[group.at]!) && group.at === match.at - 1) match = group;
  }
  if (match?.id === 'carryover' || (match && parts.slice(0, match.at).some((p) => /上年结转/.test(p)))) {
    const source = deepestMatchRead(parts.slice(match.at), CARRYOVER_SOURCES, ctx.ocr);
    if (source && parts.slice(0, match.at + 1).some((p) => /上年结转/.test(p))) return source.id;
  }
  return match?.id ?? vocab.fallback;
}

/** The id of a measure no vocabulary knows: its deepest header, normalised. */
export function unknownMeasureId(path: string[]): string | null {
  const parts = meaningfulParts(path);
  const last = parts[parts.length - 1];
  return last ? columnId([last.replace(/[（(]?(万元|元)[)）]?$/, '')]) : null;
}

/** Half-width marks OCR reads for the full-width ones a header prints (其中: for 其中：). */
const FULL_WIDTH: Record<string, string> = { ':': '：', '(': '（', ')': '）', ',': '，' };

/** The id of a column no vocabulary names: its header path, marks full-width, so the text layer and a scan give one id. */
export function columnId(path: string[]): string {
  return `col:${path.map((p) => p.replace(/[:(),]/g, (c) => FULL_WIDTH[c]!)).join('/')}`;
}
