import type { ExtractedDocument } from '@juesuan/model';
import { HEADING_NUMBERING } from '@juesuan/model';

/** A 目录 entry's heading numbering or table number (附表3-1, 表4, 公开01表). */
export const LEADING_NUMBER = new RegExp(`^(?:${HEADING_NUMBERING.source.slice(1)}|附表\\d+[-—]?\\d*|表\\d+[-—]?\\d*|公开\\d+表)\\s*`);
/** An entry's text and the page it refers to (dot leaders between them). */
export const PAGE_REF = /^(.*[\u4e00-\u9fa5）)”"])[.…·—_\-]*(\d{1,3})$/;

/** The 目录's lines with an entry wrapped onto a second line ("…支出预" / "算表") joined into one. */
export function joinWrapped<T extends { text: string; page: number | null }>(lines: T[]): T[] {
  const joined: T[] = [];
  for (const l of lines) {
    const prev = joined[joined.length - 1];
    if (prev && l.text.length <= 4 && !LEADING_NUMBER.test(l.text) && prev.page === l.page) joined[joined.length - 1] = { ...prev, text: prev.text + l.text };
    else joined.push(l);
  }
  return joined;
}

/** An entry's title: its page reference and dot leaders left off. */
export function entryTitle(text: string): string {
  const ref = PAGE_REF.exec(text);
  return (ref ? ref[1]! : text).replace(/[.…·]+$/, '');
}

/** The titles a document's 目录 lists that open with a number (十、…, 表4 …), with that number. */
export function numberedTocTitles(doc: Pick<ExtractedDocument, 'pages'>): Array<{ number: string; title: string }> {
  const lines = doc.pages.filter((p) => p.isTableOfContents).flatMap((p) => p.lines.map((l) => ({ text: l.text.replace(/\s+/g, ''), page: p.number })));
  return joinWrapped(lines).flatMap((l) => {
    const title = entryTitle(l.text);
    const number = LEADING_NUMBER.exec(title)?.[0].trim();
    return number ? [{ number, title }] : [];
  });
}
