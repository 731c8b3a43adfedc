import type { RawPage } from '../pdf/read-pdf-page.ts';

export type OcrMode = 'auto' | 'always' | 'never';

/**
 * What a report's text is made of: common ideographs, CJK and full-width punctuation, ASCII,
 * general punctuation, and the few symbols reports print (× ÷ ° ℃ № ① Ⅰ → ≤ ■ ︵ ㈠).
 */
const EXPECTED_CHAR = /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u0020-\u007e\u2000-\u206f\u00a0-\u00bf\u00d7\u00f7\u2100-\u218f\u2190-\u22ff\u2460-\u24ff\u2500-\u25ff\u3200-\u32ff\ufe30-\ufe4f]/;
const STRAY_ASCII = /[#$@^`{}|~\\]/;

/**
 * Share of characters that no font maps to real text: control and private-use characters,
 * letters of other scripts, rare ideographs (extension A), marks a report never prints (# $ @ ^
 * ` { } | ~ \\) — what glyph ids read without a Unicode map look like.
 */
export function garbageRatio(text: string): number {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length === 0) return 0;
  const bad = chars.filter((c) => !EXPECTED_CHAR.test(c) || STRAY_ASCII.test(c)).length;
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
  if (garbageRatio(text) > 0.15) return true;
  return page.imageCoverage > 0.8 && visible < 40;
}
