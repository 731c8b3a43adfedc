// strokes OCR reads in place of 十: 升 千 干 于 士 土 卞 and the plus sign
const TEN_MISREAD = /^([（(]?[一二三四五六七八九]?)[升千干于士土卞+＋](?=[一二三四五六七八九]?(?:[、．]|[)）]))/;
// 七 read as 匕 (the look-alike), 八 as 人 or 入, before 、
const LOOKALIKE_MISREAD = /^([（(]?[一二三四五六七八九十]?)([匕人入])(?=[、．]|[)）])/;
const LOOKALIKE: Record<string, string> = { 匕: '七', 人: '八', 入: '八' };
// the thin stroke 一 read as a dash right before 、
const ONE_MISREAD = /^([（(]?)[-—–_~](?=[、．)）])/;

/**
 * An item numbering whose numeral was misread (升九、住房保障支出, 卞八、, +、, -、, 匕、): a numbering is
 * the only place such a stroke stands before 、, so it is the numeral again.
 */
export function restoreNumbering(text: string): string {
  return text
    .replace(TEN_MISREAD, '$1十')
    .replace(ONE_MISREAD, '$1一')
    .replace(LOOKALIKE_MISREAD, (_, head: string, c: string) => head + LOOKALIKE[c]!);
}
