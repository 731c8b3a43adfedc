/** A converted report as a sequence of text lines and tables, in reading order. */
export type TextBlock =
  | { type: 'line'; text: string; page: number | null }
  | { type: 'table'; rows: TextCell[][]; page: number | null };

export interface TextCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

const cell = (text: string): TextCell => ({ text: text.trim(), colSpan: 1, rowSpan: 1 });

/** Full-width digits and separators that conversions leave in numbers. */
export function normalizeConvertedText(text: string): string {
  return text
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ');
}

/** A TOC entry converted to columns: text, then a page number ("第一部分 部门概况\t1", "…\t. 83", "- 1 -"). */
function isTocRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  if (filled.length < 2) return false;
  return /^[.\s…·-]*\d{1,3}\s*-?$/.test(filled[filled.length - 1]!) && !/\d\.\d/.test(filled.join(''));
}

/**
 * Plain text and markdown: tab-separated lines and pipe-table lines are table rows; runs of them
 * are tables (a TOC written with tabs is lines). Form feeds count pages.
 */
export function readTextBlocks(source: string, format: 'txt' | 'md'): TextBlock[] {
  const blocks: TextBlock[] = [];
  const pages = normalizeConvertedText(source).split('\f');
  const paged = pages.length > 1;
  pages.forEach((pageText, p) => {
    const page = paged ? p + 1 : null;
    let pending: string[][] = [];
    const flush = () => {
      if (pending.length === 0) return;
      const toc = pending.filter(isTocRow).length >= pending.length * 0.8;
      if (toc) for (const r of pending) blocks.push({ type: 'line', text: r.filter((c) => c.trim() !== '').join(' '), page });
      else blocks.push({ type: 'table', rows: pending.map((r) => r.map(cell)), page });
      pending = [];
    };
    for (const raw of pageText.split('\n')) {
      // trailing tabs are empty cells: only spaces and CR are trimmed
      const line = raw.replace(/[ \r]+$/, '');
      if (format === 'md' && /^\s*\|.*\|\s*$/.test(line)) {
        if (/^\s*\|[\s:|-]+\|\s*$/.test(line)) continue; // the |---| separator
        pending.push(line.trim().slice(1, -1).split('|'));
        continue;
      }
      if (line.includes('\t')) {
        pending.push(line.split('\t'));
        continue;
      }
      if (line.trim() === '') continue; // blank lines do not end a table
      flush();
      let text = line.trim();
      // plain-text conversions often carry markdown marks too
      text = text.replace(/^#{1,6}\s+/, '').replace(/^[-*+]\s+/, '').replace(/\*\*(.*?)\*\*/g, '$1');
      blocks.push({ type: 'line', text, page });
    }
    flush();
  });
  return blocks;
}
