import type { BBox, TableMeta } from '@juesuan/model';

export interface PlainLine {
  text: string;
  bbox: BBox;
  fontSize: number;
}

// OCR now and then misreads the 单 of a small 单位：万元 (十位:万元): any one character before 位 and a colon
const UNIT = /(?:金额|货币)?(?:单位\s*[:：;；]?|[\u4e00-\u9fa5]位\s*[:：])\s*(万元|亿元|千元|元)/;
const NUMBER = /(公开\s*\d+\s*表|附表\s*\d+(?:\s*-\s*\d+)?|附件\s*\d+(?:\s*-\s*\d+)?|表\s*\d+(?:\s*-\s*\d+)*|表[一二三四五六七八九十]+)/;
const DEPARTMENT = /(?:编制部门|编制单位|部门(?:名称)?|单位(?:名称)?)\s*[:：]\s*([^\s:：]+(?:[^\s]*)?)/;
const SECTION_HEADING = /^第[一二三四五六七八九十\d]+部分/;
const NOTE = /^(?:注|备注|说明)\s*[:：\d]/;
/** A title ends with 表, perhaps followed by its qualifier: …支出预算表（功能科目） */
const TITLE_END = /[\u4e00-\u9fa5]表(?:[（(][^）)]{1,12}[）)])?$/;

/** "12", "- 12 -", "第 3 页", "3/20": page furniture, not content. */
export function isPageFooter(text: string): boolean {
  return /^[-—\s]*\d+[-—\s]*$|^第\s*\d+\s*页|^\d+\s*\/\s*\d+$/.test(text.trim());
}

export function findUnit(text: string): string | null {
  return UNIT.exec(text)?.[1] ?? null;
}

function departmentOf(text: string): string | null {
  const m = DEPARTMENT.exec(text.replace(UNIT, ' '));
  if (!m) return null;
  const value = m[1]!.trim();
  if (/^(万元|亿元|千元|元)$/.test(value)) return null;
  return value;
}

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
    if (u || d || isNumberOnly(t) || SECTION_HEADING.test(t) || isPageFooter(t) || NOTE.test(t) || /[。；]$/.test(t.trim())) continue;
    candidates.push(line);
  }
  let title: string | null = null;
  if (candidates.length > 0) {
    const maxFont = Math.max(...candidates.map((c) => c.fontSize));
    const big = candidates.filter((c) => c.fontSize >= maxFont - 0.5);
    // a line that ends naming a table is the title whatever its size (narrative above may be set larger);
    // else a big line that names a table; else the biggest, nearest to the table
    const titled = candidates.filter((c) => TITLE_END.test(c.text.replace(/\s+/g, '')));
    const named = big.filter((c) => /表/.test(c.text));
    const chosen = (titled.length ? titled : named.length ? named : big).sort((a, b) => b.bbox.y0 - a.bbox.y0)[0]!;
    // a title wrapped over two lines: join the big line just above it
    const idx = candidates.indexOf(chosen);
    const prev = candidates[idx - 1];
    let text = chosen.text;
    if (prev && prev.fontSize >= maxFont - 0.5 && chosen.bbox.y0 - prev.bbox.y1 < chosen.fontSize && !/表$/.test(prev.text)) text = prev.text + text;
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
