import { isTocHeading, matchHeading } from './sections.ts';

const LEADER = /[.…·。\-—_]{3,}\s*\d+\s*$|\s\d{1,3}$/;

/**
 * Table-of-contents pages: the page titled 目录, and the pages after it while they hold only
 * headings or dot-leader entries and no table.
 */
export function findTocPages(pages: Array<{ lines: string[]; hasTables: boolean }>): Set<number> {
  const toc = new Set<number>();
  const start = pages.findIndex((p) => p.lines.slice(0, 3).some(isTocHeading));
  if (start < 0) return toc;
  toc.add(start);
  for (let i = start + 1; i < pages.length; i++) {
    const p = pages[i]!;
    if (p.hasTables || p.lines.length === 0) break;
    const entryLike = p.lines.filter((l) => matchHeading(l) !== null || LEADER.test(l)).length;
    if (entryLike / p.lines.length < 0.9) break;
    toc.add(i);
  }
  return toc;
}
