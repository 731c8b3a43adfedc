import type { TextBlock, TextCell } from './text-blocks.ts';
import { normalizeConvertedText } from './text-blocks.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A numeric character reference as HTML reads it: out of range, a surrogate or NUL is U+FFFD. */
function fromReference(code: number): string {
  if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,8}|#\d{1,10}|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return fromReference(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const stripTags = (html: string) => decodeEntities(html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '')).replace(/[ \t]+/g, ' ').trim();

/** The limits HTML itself puts on spans (colspan 1000, rowspan 65534). */
const MAX_SPAN = { colspan: 1000, rowspan: 65534 } as const;

function spanOf(attrs: string, name: keyof typeof MAX_SPAN): number {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d{1,9})`, 'i').exec(attrs);
  return m ? Math.min(MAX_SPAN[name], Math.max(1, Number(m[1]))) : 1;
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
  // a row span cannot reach past the table's last row
  return rows.map((r, i) => r.map((c) => (c.rowSpan > rows.length - i ? { ...c, rowSpan: rows.length - i } : c)));
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
