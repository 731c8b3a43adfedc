import type { TextRun } from '@juesuan/model';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Matrix } from './matrix.ts';
import { multiply } from './matrix.ts';

export interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/** The page's text items (marked content left out). */
export async function readTextItems(page: PDFPageProxy): Promise<RawTextItem[]> {
  const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
  return content.items.filter((raw): raw is typeof raw & RawTextItem => 'str' in raw && raw.str.trim() !== '') as RawTextItem[];
}

/**
 * How far the page's text is turned, as it would be shown: 0 when most characters advance left
 * to right, 90 when they run down the page (a table printed sideways), 180, or 270 (running up).
 */
export function textTurn(items: RawTextItem[], viewport: Matrix): 0 | 90 | 180 | 270 {
  const chars = [0, 0, 0, 0];
  for (const item of items) {
    const m = multiply(viewport, item.transform as Matrix);
    const quarter = ((Math.round(Math.atan2(m[1], m[0]) / (Math.PI / 2)) % 4) + 4) % 4;
    chars[quarter]! += [...item.str.replace(/\s+/g, '')].length;
  }
  const total = chars.reduce((a, b) => a + b, 0);
  const top = chars.indexOf(Math.max(...chars));
  // a few turned labels (a rotated header cell) do not turn the page
  return top !== 0 && chars[top]! > total * 0.6 ? ((top * 90) as 90 | 180 | 270) : 0;
}

/** Text items with their boxes in top-left page coordinates. */
export function textRuns(items: RawTextItem[], viewport: Matrix): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    const m = multiply(viewport, item.transform as Matrix);
    const fontSize = Math.hypot(m[2], m[3]) || item.height || 1;
    const vertical = Math.abs(m[1]) > Math.abs(m[0]) * 2;
    if (vertical) {
      // a label turned to run down the page (a narrow rotated header cell)
      const x = m[4];
      const y = m[5];
      runs.push({
        text: item.str,
        bbox: { x0: x, y0: y, x1: x + fontSize, y1: y + Math.max(item.width, fontSize) },
        fontSize,
        fontName: item.fontName,
        direction: 'ttb',
      });
      continue;
    }
    const x = m[4];
    const baseline = m[5];
    runs.push({
      text: item.str,
      bbox: { x0: x, y0: baseline - fontSize * 0.86, x1: x + item.width, y1: baseline + fontSize * 0.14 },
      fontSize,
      fontName: item.fontName,
      direction: 'ltr',
    });
  }
  return runs;
}
