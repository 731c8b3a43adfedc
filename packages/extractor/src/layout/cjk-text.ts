/** CJK ideographs, CJK punctuation and full-width forms. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201d]/;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/** Removes the spaces that layout puts between CJK characters: "因 公 出 国 （ 境 ）" → 因公出国（境）. */
export function normalizeCjkSpacing(text: string): string {
  return text.replace(/\s+/g, (space, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + space.length];
    if (before === undefined || after === undefined) return '';
    return isCjk(before) || isCjk(after) ? '' : ' ';
  });
}

/** Joins two pieces of one text (wrapped lines, adjacent runs) without inventing spaces in Chinese. */
export function joinPieces(a: string, b: string, gapIsSpace: boolean): string {
  if (a === '') return b;
  if (b === '') return a;
  const last = a[a.length - 1];
  const first = b[0];
  if (isCjk(last) || isCjk(first)) return a + b;
  return gapIsSpace ? `${a} ${b}` : a + b;
}
