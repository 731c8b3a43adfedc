import { classBody, lookalikesOf, NUMERAL_STROKE_LOOKALIKES } from '@juesuan/model';

const NUMERALS = '一二三四五六七八九十';
// what OCR reads for a numeral that is no numeral itself: 七 as 匕, 八 as 人 or 入
const NUMERAL_OF = new Map([...NUMERALS].flatMap((n) => [...lookalikesOf(n)].filter((c) => !NUMERALS.includes(c)).map((c) => [c, n] as [string, string])));
// strokes OCR reads in place of 十 (升 千 干 于 士 土 卞, the plus sign) between numerals or before 、
const TEN_MISREAD = new RegExp(`^([（(]?[一二三四五六七八九]?)[${classBody(NUMERAL_STROKE_LOOKALIKES['十'])}](?=[一二三四五六七八九]?(?:[、．]|[)）]))`);
const LOOKALIKE_MISREAD = new RegExp(`^([（(]?[${NUMERALS}]?)([${classBody([...NUMERAL_OF.keys()].join(''))}])(?=[、．]|[)）])`);
// the thin stroke 一 read as a dash right before 、
const ONE_MISREAD = new RegExp(`^([（(]?)[${classBody(NUMERAL_STROKE_LOOKALIKES['一'])}](?=[、．)）])`);
// the two strokes of 二 read as an equals sign before 、 (=、项目支出), also after a 十
const TWO_MISREAD = new RegExp(`^([（(]?(?:[一二三四五六七八九]?十)?)[${classBody(NUMERAL_STROKE_LOOKALIKES['二'])}](?=[、．)）])`);

// a sub-item's point read as a quote mark (run into the stroke after it: 1.一般 read 1“般) before the words
const POINT_AS_QUOTE = /^(\d{1,2})[“”"'‘’](?=\p{Script=Han})/u;

/**
 * An item numbering whose numeral was misread (升九、住房保障支出, 卞八、, +、, -、, =、, 匕、): a numbering is
 * the only place such a stroke stands before 、, so it is the numeral again.
 * A sub-item's point read as a quote mark before its words (1“般公共预算) is the point again.
 */
export function restoreNumbering(text: string): string {
  return text
    .replace(TEN_MISREAD, '$1十')
    .replace(ONE_MISREAD, '$1一')
    .replace(TWO_MISREAD, '$1二')
    .replace(LOOKALIKE_MISREAD, (_, head: string, c: string) => head + NUMERAL_OF.get(c)!)
    .replace(POINT_AS_QUOTE, '$1.');
}
