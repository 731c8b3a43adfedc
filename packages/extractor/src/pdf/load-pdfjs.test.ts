import { describe, expect, it } from 'vitest';
import { loadPdfjs } from './load-pdfjs.ts';

// Node's own, taken before pdfjs is loaded in this file's fresh module graph
const natives = [Array.prototype.push, JSON.parse, JSON.stringify];

describe('loadPdfjs', () => {
  it("keeps Node's own push and JSON after the legacy build's polyfills load", async () => {
    const pdfjs = await loadPdfjs();
    expect(typeof pdfjs.getDocument).toBe('function');
    expect([Array.prototype.push, JSON.parse, JSON.stringify].every((fn, i) => fn === natives[i])).toBe(true);
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function'); // the build's own additions stay
  });
});
