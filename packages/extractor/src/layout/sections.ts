import type { Section } from '@juesuan/model';
import { HEADING_LEVELS } from '@juesuan/model';

export interface SectionLine {
  text: string;
  page: number | null;
  y: number;
}

const HEADINGS = HEADING_LEVELS.map((h) => ({ level: h.level, pattern: new RegExp(`^(${h.numbering})\\s*(.*)$`) }));

/** Recognizes a heading line: its numbering style gives the level; long sentences are body text. */
export function matchHeading(text: string): { level: number; numbering: string; title: string } | null {
  const t = text.trim();
  if (t.length > 60) return null;
  for (const h of HEADINGS) {
    const m = h.pattern.exec(t);
    if (!m) continue;
    const title = m[2]!.trim();
    if (h.level >= 4 && (t.length > 40 || /[。；]$/.test(t))) return null;
    if (/[，,；]$/.test(t)) return null;
    return { level: h.level, numbering: m[1]!, title };
  }
  return null;
}

export function isTocHeading(text: string): boolean {
  return /^目\s*录$/.test(text.replace(/\s+/g, ' ').trim());
}

/** Builds the heading tree from the document's free lines, with each section's text and page span. */
export function buildSections(lines: SectionLine[]): Section[] {
  const sections: Section[] = [];
  const stack: Section[] = [];
  let current: Section | null = null;
  for (const line of lines) {
    const h = matchHeading(line.text);
    if (h) {
      while (stack.length > 0 && stack[stack.length - 1]!.level >= h.level) stack.pop();
      const path = [...stack.map((s) => `${s.numbering}${s.title}`), `${h.numbering}${h.title}`];
      current = { level: h.level, numbering: h.numbering, title: h.title, page: line.page, endPage: line.page, text: '', path };
      sections.push(current);
      stack.push(current);
      continue;
    }
    if (current) {
      current.text = current.text ? `${current.text}\n${line.text}` : line.text;
      for (const s of stack) s.endPage = line.page ?? s.endPage;
    }
  }
  return sections;
}
