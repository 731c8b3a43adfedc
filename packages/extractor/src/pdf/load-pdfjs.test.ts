import { describe, expect, it } from 'vitest';
import { loadPdfjs } from './load-pdfjs.ts';

describe('loadPdfjs', () => {
  it("keeps Node's own push and JSON after the legacy build's polyfills load", async () => {
    const pdfjs = await loadPdfjs();
    expect(typeof pdfjs.getDocument).toBe('function');
    for (const fn of [Array.prototype.push, JSON.parse, JSON.stringify]) expect(Function.prototype.toString.call(fn)).toContain('[native code]');
    const xs: number[] = [];
    xs.push(1, 2);
    expect(xs).toEqual([1, 2]);
    // additions the build needs are still there
    expect(typeof Promise.withResolvers).toBe('function');
  });
});
