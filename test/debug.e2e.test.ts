import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, removeTempRoot, samples, tempDir } from './helpers.ts';

afterAll(removeTempRoot);

describe('juesuan debug', () => {
  it('draws a page as the layout sees it, each table with its strategy, confidence and kind', () => {
    const out = join(tempDir('debug-'), 'page.svg');
    const r = cli(['debug', join(samples, 'partial-rules/sample-partial-rules-2024.pdf'), '--page', '1', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/#0\truled-across\t0\.9\tfinal\.income\t/);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('#0 ruled-across 0.9 final.income');
    expect(svg).toContain('edges: columns from text: ');
  });

  it('says in one line when the page is not in the document, and writes nothing', () => {
    const out = join(tempDir('debug-'), 'none.svg');
    const r = cli(['debug', join(samples, 'sample-final-2023.pdf'), '--page', '99', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/sample-final-2023\.pdf: page 99 is not in the document \(it has \d+\)/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('extract --json carries each table strategy and confidence', () => {
    const r = cli(['extract', join(samples, 'sample-final-2023.pdf'), '--json', '--ocr', 'never']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { tables: Array<{ strategy?: string; confidence?: number }> };
    expect(doc.tables.length).toBeGreaterThan(0);
    for (const t of doc.tables) {
      expect(['ruled-grid', 'ruled-across', 'ruled-down', 'no-lines']).toContain(t.strategy);
      expect(t.confidence).toBeGreaterThan(0);
      expect(t.confidence).toBeLessThanOrEqual(1);
    }
  });
});
