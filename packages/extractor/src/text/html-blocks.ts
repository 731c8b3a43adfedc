import type { TextBlock, TextCell } from './text-blocks.ts';
import { normalizeConvertedText } from './text-blocks.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const stripTags = (html: string) => decodeEntities(html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '')).replace(/[ \t]+/g, ' ').trim();

function spanOf(attrs: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs);
  return m ? Math.max(1, Number(m[1])) : 1;
}

function tableRows(html: string): TextCell[][] {
  const rows: TextCell[][] = [];
  for (const tr of html.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)) {
    const cells: TextCell[] = [];
    for (const td of tr[1]!.matchAll(/<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/gi)) {
      cells.push({ text: stripTags(td[3]!).replace(/\n+/g, ''), colSpan: spanOf(td[2]!, 'colspan'), rowSpan: spanOf(td[2]!, 'rowspan') });
    }
    rows.push(cells);
  }
  return rows;
}

/** HTML fragments: `<table>` → tables (spans kept), headings and paragraphs → lines. */
export function readHtmlBlocks(source: string): TextBlock[] {
  const html = normalizeConvertedText(source).replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '');
  const blocks: TextBlock[] = [];
  let at = 0;
  const pushText = (fragment: string) => {
    const withBreaks = fragment.replace(/<\/(p|div|h[1-6]|li|tr|section)>/gi, '\n').replace(/<br\s*\/?>/gi, '\n');
    for (const line of stripTags(withBreaks.replace(/\n/g, '<br>')).split('\n')) {
      const t = line.trim();
      if (t !== '') blocks.push({ type: 'line', text: t, page: null });
    }
  };
  for (const m of html.matchAll(/<table\b[^>]*>([\s\S]*?)<\/table>/gi)) {
    pushText(html.slice(at, m.index));
    blocks.push({ type: 'table', rows: tableRows(m[1]!), page: null });
    at = m.index! + m[0].length;
  }
  pushText(html.slice(at));
  return blocks;
}
