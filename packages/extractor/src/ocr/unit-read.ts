import { classBody, lookalikesOf } from '@juesuan/model';

const misread = (c: string) => `[${classBody(lookalikesOf(c))}]`;
// 单位 with either character misread (朋位, 单仨, 甲位), a colon, then the unit with 万 or 元 misread (万无, 刀元, 万江)
const UNIT_MISREAD = new RegExp(`(${misread('单')}${misread('位')}|单[\\u4e00-\\u9fa5](?=\\s*[:：]))(\\s*[:：;；&]\\s*)(${misread('万')}|[亿千])?${misread('元')}(?=\\s*$|\\s*[)）])`);

/**
 * A unit line OCR misread (单位:万无, 朋位:万江, 单位;万元, 单位&万元): its place at the end of a line headed 单位 says
 * it is a unit, and the units are few, so it is written as printed. Only OCR text passes here.
 */
export function restoreUnit(text: string): string {
  return text.replace(UNIT_MISREAD, (_, head: string, colon: string, big: string | undefined) => `单位${colon.replace(/[;；&]/, '：')}${big === undefined ? '' : /[亿千]/.test(big) ? big : '万'}元`);
}
