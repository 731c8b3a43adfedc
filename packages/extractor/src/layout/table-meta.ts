import type { BBox, TableMeta } from '@juesuan/model';
import { DEPARTMENT_LINE as DEPARTMENT, findUnit, isPageFooter, NOTE_LINE as NOTE, PART_HEADING as SECTION_HEADING, TABLE_NUMBER as NUMBER, TITLE_END, UNIT_LINE as UNIT } from '@juesuan/model';
import { DEFAULT_LAYOUT_SETTINGS } from './settings.ts';

const TITLE_FONT_SLACK = DEFAULT_LAYOUT_SETTINGS.meta.titleFontSlackPt;

export interface PlainLine {
  text: string;
  bbox: BBox;
  fontSize: number;
}

function departmentOf(text: string): string | null {
  const m = DEPARTMENT.exec(text.replace(UNIT, ' '));
  if (!m) return null;
  const value = m[1]!.trim();
  if (/^(万元|亿元|千元|元)$/.test(value)) return null;
  return value;
}

/** A sentence's end, no title's: 。 ； (and ; where OCR read ；). */
const SENTENCE_END = /[。；;]$/;

/** A line that is only the table's number ("公开01表") or date, not a title. */
function isNumberOnly(text: string): boolean {
  return text.replace(NUMBER, '').replace(/\s/g, '') === '';
}

/**
 * Metadata of a table from the free lines above it (title, number, unit, department) and
 * below it (notes).
 */
export function readTableMeta(above: PlainLine[], below: PlainLine[]): TableMeta {
  let unit: string | null = null;
  let unitLine: string | null = null;
  let number: string | null = null;
  let department: string | null = null;
  const candidates: PlainLine[] = [];
  for (const line of above) {
    const t = line.text;
    const u = findUnit(t);
    if (u) {
      unit = u;
      unitLine = t;
    }
    const d = departmentOf(t);
    if (d && !department) department = d;
    const n = NUMBER.exec(t);
    if (n && !number) number = n[1]!.replace(/\s/g, '');
    if (u || d || isNumberOnly(t) || SECTION_HEADING.test(t) || isPageFooter(t) || NOTE.test(t) || SENTENCE_END.test(t.trim())) continue;
    candidates.push(line);
  }
  let title: string | null = null;
  if (candidates.length > 0) {
    const maxFont = Math.max(...candidates.map((c) => c.fontSize));
    const big = candidates.filter((c) => c.fontSize >= maxFont - TITLE_FONT_SLACK);
    // a line that ends naming a table is the title whatever its size (narrative above may be set larger);
    // else a big line that names a table; else the biggest, nearest to the table
    const titled = candidates.filter((c) => TITLE_END.test(c.text.replace(/\s+/g, '')));
    const named = big.filter((c) => /表/.test(c.text));
    const chosen = (titled.length ? titled : named.length ? named : big).sort((a, b) => b.bbox.y0 - a.bbox.y0)[0]!;
    // a title wrapped over two lines: join the big line just above it
    const idx = candidates.indexOf(chosen);
    const prev = candidates[idx - 1];
    let text = chosen.text;
    if (prev && prev.fontSize >= maxFont - TITLE_FONT_SLACK && chosen.bbox.y0 - prev.bbox.y1 < chosen.fontSize && !/表$/.test(prev.text)) text = prev.text + text;
    title = text.replace(NUMBER, (m) => (text.trim() === m ? m : '')).replace(/\s+/g, '').replace(/^[:：、.．]+/, '').trim() || null;
  }
  const notes = below.filter((l) => NOTE.test(l.text)).map((l) => l.text);
  return {
    title,
    number,
    unit,
    unitLine,
    department,
    notes,
    continued: title !== null && /续表|（续）|\(续\)/.test(title),
  };
}
