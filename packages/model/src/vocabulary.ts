/**
 * The words of a budget report's tables that both the extractor and the parser recognise: item
 * numbering, 栏次/行次 rows, title, unit, number and note lines, total rows. Each is written here once.
 */

/** A heading's numbering by level, as documents print it: 第一部分 › 一、 › （一） › 1. › （1）. */
export const HEADING_LEVELS: ReadonlyArray<{ level: number; numbering: string }> = [
  { level: 1, numbering: '第[一二三四五六七八九十\\d]+部分' },
  { level: 2, numbering: '[一二三四五六七八九十]+[、．.]' },
  { level: 3, numbering: '[（(][一二三四五六七八九十]+[)）]' },
  { level: 4, numbering: '\\d{1,2}[.、．](?!\\d)' },
  { level: 5, numbering: '[（(]\\d{1,2}[)）]' },
];

/** Any heading numbering, at the start of a line. */
export const HEADING_NUMBERING = new RegExp(`^(?:${HEADING_LEVELS.map((h) => h.numbering).join('|')})`);

/** The numbering that opens an item of its own: 二、 1. （一） (1) */
export const ITEM_NUMBERING = /^(?:[一二三四五六七八九十]+[、．.]|\d+[.、．](?!\d)|[（(][一二三四五六七八九十\d]+[)）])/;

const DIGITS_ZH = '一二三四五六七八九';

/** 一 … 九十九 as a number (十二 → 12, 二十 → 20); NaN for anything else. */
export function numeralValue(text: string): number {
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!m || text === '' || (m[1] && m[3] && !m[2])) return Number.NaN;
  const digit = (c: string) => DIGITS_ZH.indexOf(c) + 1;
  return m[2] ? (m[1] ? digit(m[1]) : 1) * 10 + (m[3] ? digit(m[3]) : 0) : digit(m[1]!);
}

/** 1 … 99 in Chinese numerals, as items are numbered (12 → 十二). */
export function chineseNumeral(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? DIGITS_ZH[tens - 1] : ''}${tens > 0 ? '十' : ''}${ones > 0 ? DIGITS_ZH[ones - 1] : ''}`;
}

export function startsItem(text: string): boolean {
  return ITEM_NUMBERING.test(text.trim());
}

/**
 * A row name that can only open a data row (一、…, 1.…, 1.5): header cells may be numbered
 * （一） or 一. as group headings, so those do not end a table's header.
 */
export function startsDataLabel(text: string): boolean {
  return /^(?:[一二三四五六七八九十]+、|\d+[.、]\S)/.test(text);
}

/** 栏次 / 行次: the header row (or column) that numbers the columns (or lines), naming none of them. */
export function isLineNumbering(text: string): boolean {
  return /^(?:栏次|行次)$/.test(text.replace(/\s+/g, ''));
}

/** A row's name without spaces and its numbering (一、 / 1. / （一）): the same row across tables and years. */
export function labelKey(label: string): string {
  return label.replace(/\s+/g, '').replace(ITEM_NUMBERING, '');
}

/** A total row's label: 合计, 总计, 小计, 人员经费合计, "一、合计", 合计（万元）. */
export function isTotalLabel(label: string): boolean {
  const key = labelKey(label);
  return /(?:合计|总计|小计)$/.test(key) || /^(?:合计|总计|小计)/.test(key);
}

/**
 * A bare total: 合计, 总计, 小计 or a short qualifier before 合计 (人员经费合计), perhaps numbered,
 * nothing after. Such a label is often printed across the code and name columns.
 */
export function isBareTotalLabel(text: string): boolean {
  return /^[\s\d一二三四五六七八九十、.]*(?:合计|总计|小计|[\u4e00-\u9fa5]{1,6}合计)\s*$/.test(text);
}

/** A row that numbers the columns (栏次 | 1 | 2 …): it names none of them. */
export function isNumberingRow(texts: string[]): boolean {
  const filled = texts.map((t) => t.replace(/\s+/g, '')).filter((t) => t !== '');
  return filled.length > 0 && filled.every((t) => /^\d+$/.test(t) || isLineNumbering(t)) && filled.some((t) => /^\d+$/.test(t));
}

/** The heading of one part of an account code (类, 款, 项), each over its own column of digits. */
export const CODE_PART_HEADING = /^[类款项]$/;

/** A 类/款/项 account code: 3, 5 or 7 digits (201, 20101, 2010101). */
export function isAccountCode(text: string): boolean {
  return /^(?:\d{3}|\d{5}|\d{7})$/.test(text.replace(/\s+/g, ''));
}

// OCR now and then misreads the 单 of a small 单位：万元 (十位:万元): any one character before 位 and a colon
/** A unit line's unit: 单位：万元, 金额单位：元. */
export const UNIT_LINE = /(?:金额|货币)?(?:单位\s*[:：;；]?|[\u4e00-\u9fa5]位\s*[:：])\s*(万元|亿元|千元|元)/;
/** A table's number: 公开01表, 附表3-1, 附件2, 表4, 表一. */
export const TABLE_NUMBER = /(公开\s*\d+\s*表|附表\s*\d+(?:\s*-\s*\d+)?|附件\s*\d+(?:\s*-\s*\d+)?|表\s*\d+(?:\s*-\s*\d+)*|表[一二三四五六七八九十]+)/;
/** The department line above a table: 编制部门：…, 单位名称：… */
export const DEPARTMENT_LINE = /(?:编制部门|编制单位|部门(?:名称)?|单位(?:名称)?)\s*[:：]\s*([^\s:：]+(?:[^\s]*)?)/;
/** A part heading of the report: 第一部分 … */
export const PART_HEADING = new RegExp(`^${HEADING_LEVELS[0]!.numbering}`);
/** A note under a table: 注：…, 备注：…, 说明：…, 注1 */
export const NOTE_LINE = /^(?:注|备注|说明)\s*[:：\d]/;
/** A title ends with 表, perhaps followed by its qualifier: …支出预算表（功能科目） */
export const TITLE_END = /[\u4e00-\u9fa5]表(?:[（(][^）)]{1,12}[）)])?$/;
/** What ends a table's heading upwards: its title, unit, number or department line, or a part heading. */
export const TABLE_DESCRIPTION = /表\s*$|表[（(]|单位\s*[:：]|公开\s*\d+\s*表|编制(?:部门|单位)\s*[:：]|^第[一二三四五六七八九十\d]+部分/;

export function findUnit(text: string): string | null {
  return UNIT_LINE.exec(text)?.[1] ?? null;
}

/** "12", "- 12 -", "第 3 页", "3/20": page furniture, not content. */
export function isPageFooter(text: string): boolean {
  return /^[-—\s]*\d+[-—\s]*$|^第\s*\d+\s*页|^\d+\s*\/\s*\d+$/.test(text.trim());
}
