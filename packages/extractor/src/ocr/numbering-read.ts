// strokes OCR reads in place of 十: 升 千 干 于 士 土 and the plus sign
const TEN_MISREAD = /^([（(]?[一二三四五六七八九]?)[升千干于士土+＋](?=[一二三四五六七八九]?(?:[、．]|[)）]))/;

/**
 * An item numbered with 十 whose 十 was misread (升九、住房保障支出, +、…): a numbering is the
 * only place such a stroke stands before a numeral and 、, so it is 十 again.
 */
export function restoreTen(text: string): string {
  return text.replace(TEN_MISREAD, '$1十');
}

