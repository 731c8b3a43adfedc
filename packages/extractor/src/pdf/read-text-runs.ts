import type { TextRun } from '@juesuan/model';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Matrix } from './matrix.ts';
import { multiply } from './matrix.ts';

interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/** Text items of a page with their boxes in top-left page coordinates. */
export async function readTextRuns(page: PDFPageProxy, viewport: Matrix): Promise<TextRun[]> {
  const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
  const runs: TextRun[] = [];
  for (const raw of content.items) {
    if (!('str' in raw)) continue;
    const item = raw as RawTextItem;
    if (item.str.trim() === '') continue;
    const m = multiply(viewport, item.transform as Matrix);
    const fontSize = Math.hypot(m[2], m[3]) || item.height || 1;
    const vertical = Math.abs(m[1]) > Math.abs(m[0]) * 2;
    if (vertical) {
      // upright CJK written top-to-bottom: the advance runs down the page
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
