import { describe, expect, it } from 'vitest';
import { mayBeAmount, rereadAmounts } from './reread-amounts.ts';
import type { OcrEngine, RecognizeOptions } from './tesseract-pool.ts';

describe('a text-line piece that may be an amount', () => {
  it('is one the Chinese model read as an amount, as nothing, or as digits among letters', () => {
    expect(['412.00', '1,234.50', '', ' ', '88.0O', 'l2.40'].every(mayBeAmount)).toBe(true);
  });

  it('is not a line with Chinese in it, nor one without a digit', () => {
    expect(['合计', '单位：万元', '2080505机关事业单位', 'Total', '—'].some(mayBeAmount)).toBe(false);
  });
});

describe('an amount outside the grids read by the line and again as a cell', () => {
  const img = { width: 400, height: 100, data: new Uint8Array(400 * 100).fill(255), scale: 1 };
  const piece = (text: string) => ({ run: { text, bbox: { x0: 10, y0: 10, x1: 118, y1: 54 }, fontSize: 10, fontName: 'ocr', direction: 'ltr' as const, source: 'ocr' as const, confidence: 0.99 }, rect: { x0: 10, y0: 10, x1: 118, y1: 54 } });
  // the cell's digit reading says 2,819,034.00, sure; nothing else reads
  const engine = {
    recognize: async (_: Buffer, o: RecognizeOptions) => (o.whitelist && o.lang === 'eng' ? { text: '2,819,034.00', confidence: 0.95 } : { text: '', confidence: 0 }),
    recognizeLines: async (_: Buffer, o: RecognizeOptions) => [o.whitelist && o.lang === 'eng' ? { text: '2,819,034.00', confidence: 0.95, x0: 0, y0: 0, y1: 10 } : { text: '', confidence: 0, x0: 0, y0: 0, y1: 10 }],
    recognizeChoices: async () => ({ text: '', confidence: 0, hocr: '', symbols: [] }),
    lines: { read: async () => Promise.reject(new Error('not asked here')) },
  } as unknown as OcrEngine;

  it('takes the line’s digits, unsure, on a black-and-white page where the cell read the stem 1 of a broken 4', async () => {
    const [run] = await rereadAmounts(img, [piece('2,849,034.00')], engine, { bilevel: true });
    expect(run).toMatchObject({ text: '2,849,034.00', confidence: 0.7, alternatives: ['2,819,034.00'] });
  });

  it('keeps the cell’s reading, unsure, the line’s beside it, on a grey page or where they differ otherwise', async () => {
    expect((await rereadAmounts(img, [piece('2,849,034.00')], engine, { bilevel: false }))[0]).toMatchObject({ text: '2,819,034.00', confidence: 0.7, alternatives: ['2,849,034.00'] });
    expect((await rereadAmounts(img, [piece('2,849,035.00')], engine, { bilevel: true }))[0]).toMatchObject({ text: '2,819,034.00', alternatives: ['2,849,035.00'] });
  });
});
