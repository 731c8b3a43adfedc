import type { RawPage } from '../pdf/read-pdf-page.ts';

export type OcrMode = 'auto' | 'always' | 'never';

/** Share of characters that no font maps to real text: private-use, replacement, control, mojibake. */
export function garbageRatio(text: string): number {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length === 0) return 0;
  // control characters, private use, Latin-1 and Latin Extended letters, and marks a report
  // never prints (# $ @ ^ ` { } | ~ \): what glyph ids read without a Unicode map look like
  const bad = chars.filter((c) => /[\u0000-\u001f\u007f-\u009f\u00c0-\u024f\ue000-\uf8ff\ufffd#$@^`{}|~\\]/.test(c)).length;
  return bad / chars.length;
}

/**
 * Whether a page must be read from its image: no text layer, a text layer of unmapped glyphs or
 * mojibake, or one big image with little text on it.
 */
export function needsOcr(page: RawPage, mode: OcrMode): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  const text = page.runs.map((r) => r.text).join('');
  const visible = text.replace(/\s+/g, '').length;
  if (visible < 5) return page.imageCoverage > 0.3 || page.rulings.length === 0 ? page.imageCoverage > 0 : false;
  if (garbageRatio(text) > 0.3) return true;
  return page.imageCoverage > 0.8 && visible < 40;
}
