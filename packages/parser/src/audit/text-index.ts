import { HEADING_NUMBERING } from '@juesuan/model';
import type { BBox, Evidence, ExtractedDocument } from '@juesuan/model';

interface LineSpan {
  start: number;
  end: number;
  page: number | null;
  bbox: BBox;
  toc: boolean;
}

/** A sentence of the free text, with where it stands. */
export interface Sentence {
  text: string;
  start: number;
  page: number | null;
  toc: boolean;
}

/**
 * The free text of a document (lines outside tables) read by position — top to bottom, left to
 * right on each page, whatever order the content stream drew it in — with spaces removed and
 * every character traceable to its line's box.
 */
export class DocumentText {
  readonly text: string;
  private readonly spans: LineSpan[];

  constructor(doc: ExtractedDocument) {
    let text = '';
    const spans: LineSpan[] = [];
    for (const page of doc.pages) {
      // page numbers ("— 5 —", "第5页") stand between a sentence and its end on the next page
      const lines = page.lines.filter((l) => !l.inTable && !/^\s*(?:[—\-－–]\s*\d{1,3}\s*[—\-－–]|第\s*\d{1,3}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3})\s*$/.test(l.text)).sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0);
      const right = Math.max(...lines.map((l) => l.bbox.x1));
      // justified text still stops a character or two short when a line ends at punctuation
      const atRight = (l: (typeof lines)[number]) => l.bbox.x1 >= right - Math.max(l.fontSize, 6) * 2.5;
      // a right margin is one several lines share; a title page's longest line is no margin
      const hasMargin = lines.filter(atRight).length >= 2;
      lines.forEach((line, i) => {
        const t = line.text.replace(/\s+/g, '');
        if (t === '') return;
        spans.push({ start: text.length, end: text.length + t.length, page: page.number, bbox: line.bbox, toc: page.isTableOfContents });
        // a line that runs to the margin wraps into the next line of the same size; a sentence end or a heading breaks the flow
        const next = lines[i + 1];
        // the last line of a page runs on to the first of the next
        const sameSize = next === undefined || Math.abs(next.fontSize - line.fontSize) <= line.fontSize * 0.15;
        const wraps = hasMargin && atRight(line) && sameSize && t.length >= 15 && !/[。：；:;]$/.test(t) && !isHeadingLine(t);
        text += t + (wraps ? '' : '\n');
      });
    }
    this.text = text;
    this.spans = spans;
  }

  /** The box of the text from start to end, on the page where it begins. */
  evidence(start: number, end: number, quote = this.text.slice(start, end).replace(/\n/g, '')): Evidence {
    const hit = this.spans.filter((s) => s.end > start && s.start < Math.max(end, start + 1));
    const first = hit[0];
    if (!first) return { page: null, bbox: null, quote };
    const onPage = hit.filter((s) => s.page === first.page);
    // the span's share of its first and last lines, by character (Chinese text runs at an even pitch)
    const boxes = onPage.map((s) => {
      const w = s.bbox.x1 - s.bbox.x0;
      const n = Math.max(1, s.end - s.start);
      const x0 = s.bbox.x0 + (w * Math.max(0, start - s.start)) / n;
      const x1 = s.bbox.x0 + (w * Math.min(n, Math.max(end, start + 1) - s.start)) / n;
      return { ...s.bbox, x0, x1 };
    });
    return { page: first.page, bbox: unionBox(boxes), quote };
  }

  /** Where a quote stands, searched from the given page on (then anywhere). */
  locate(quote: string, page: number | null = null): Evidence | null {
    const q = quote.replace(/\s+/g, '');
    if (q === '') return null;
    const from = page === null ? 0 : (this.spans.find((s) => s.page !== null && s.page >= page)?.start ?? 0);
    const flat = this.text.replace(/\n/g, '\u0000');
    const at = indexIgnoringBreaks(flat, q, from) ?? indexIgnoringBreaks(flat, q, 0);
    return at === null ? null : this.evidence(at.start, at.end, quote);
  }

  /** Sentences split at 。 and line breaks (headings, table notes stand alone). */
  sentences(): Sentence[] {
    this.cachedSentences ??= this.splitSentences();
    return this.cachedSentences;
  }

  private cachedSentences: Sentence[] | null = null;

  private splitSentences(): Sentence[] {
    const out: Sentence[] = [];
    const re = /[^。\n]+[。]?/g;
    for (const m of this.text.matchAll(re)) {
      const span = this.spans.find((s) => s.end > m.index!);
      out.push({ text: m[0], start: m.index!, page: span?.page ?? null, toc: span?.toc ?? false });
    }
    return out;
  }

  /** Each line with its box: headings and titles are judged line by line. */
  lines(): Array<{ text: string; start: number; page: number | null; toc: boolean }> {
    return this.spans.map((s) => ({ text: this.text.slice(s.start, s.end), start: s.start, page: s.page, toc: s.toc }));
  }
}

export function isHeadingLine(t: string): boolean {
  return t.length <= 40 && !/[，。；]/.test(t) && (HEADING_NUMBERING.test(t) || t.startsWith('目录'));
}

export function unionBox(boxes: BBox[]): BBox | null {
  if (boxes.length === 0) return null;
  return { x0: Math.min(...boxes.map((b) => b.x0)), y0: Math.min(...boxes.map((b) => b.y0)), x1: Math.max(...boxes.map((b) => b.x1)), y1: Math.max(...boxes.map((b) => b.y1)) };
}

/** Finds q in text where line breaks (\0) may stand between any two characters. */
function indexIgnoringBreaks(text: string, q: string, from: number): { start: number; end: number } | null {
  const pattern = [...q].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\u0000?');
  const re = new RegExp(pattern, 'g');
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}
