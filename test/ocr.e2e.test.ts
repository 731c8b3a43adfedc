import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSharedOcrEngine, extractPdf } from '@juesuan/extractor';
import type { ExtractedDocument, ParsedDocument } from '@juesuan/model';
import { amountUnsure, buildIdentities, cellsToReadAgain, holds, parseDocument } from '@juesuan/parser';
import { compareByCell } from '../scripts/lib/compare-cells.ts';
import { samples } from './helpers.ts';

async function read(path: string, ocr: 'auto' | 'never'): Promise<{ doc: ExtractedDocument; parsed: ParsedDocument }> {
  // a scan as the pipeline reads it: the cells of broken identities read again
  const doc = await extractPdf(new Uint8Array(readFileSync(path)), path.split('/').pop()!, { ocr, ...(ocr === 'auto' ? { readAgain: cellsToReadAgain } : {}) });
  return { doc, parsed: parseDocument(doc) };
}

const scans = ['sample-final-2023.pdf', 'sample-budget-2025.pdf', 'sideways/sample-sideways-2024.pdf', 'partial-rules/sample-partial-rules-2024.pdf'].map((name) => [name, name]);
// the same report through harsher scan profiles (scripts/lib/make-scans.ts)
const profiles = [
  ...['seal', 'perspective', 'fax'].map((p) => [`profiles/${p}/sample-budget-2025.pdf`, 'sample-budget-2025.pdf']),
  ...['fax', 'perspective', 'blurred', 'uneven'].map((p) => [`profiles/${p}/sample-partial-rules-2024.pdf`, 'partial-rules/sample-partial-rules-2024.pdf']),
  ['profiles/heavy/sample-final-2023.pdf', 'sample-final-2023.pdf'],
];

describe.each([...scans, ...profiles])('OCR of the scanned %s', (scanned, name) => {
  let truth: Awaited<ReturnType<typeof read>>;
  let scan: Awaited<ReturnType<typeof read>>;
  beforeAll(async () => {
    truth = await read(join(samples, name!), 'never');
    scan = await read(join(samples, 'scanned', scanned!), 'auto');
  }, 300_000);

  it('turns a page whose table lies sideways upright, as the text layer does', () => {
    expect(scan.doc.pages.map((p) => p.turned ?? 0)).toEqual(truth.doc.pages.map((p) => p.turned ?? 0));
  });

  it('reads every page from its image, with the source marked', () => {
    expect(scan.doc.pages.every((p) => p.source === 'ocr')).toBe(true);
    expect(scan.doc.tables.flatMap((t) => t.cells).filter((c) => c.text !== '').every((c) => c.source === 'ocr' && c.confidence > 0)).toBe(true);
  });

  it('finds the same tables, kinds and page spans as the text layer', () => {
    expect(scan.parsed.tables.map((t) => [t.kind, t.pages])).toEqual(truth.parsed.tables.map((t) => [t.kind, t.pages]));
  });

  it('reproduces at least 99% of the amounts exactly, and validation flags what it misses', () => {
    const cmp = compareByCell(truth.parsed.records, scan.parsed.records);
    expect(cmp.equal / cmp.amounts).toBeGreaterThanOrEqual(0.99);
    // every miss leaves a mark: a flag that doubts its amount, or a finding on its row
    const unflagged = cmp.misses.filter((m) => {
      if (m.read && amountUnsure(m.read.flags)) return false;
      const cy = m.truth.bbox ? (m.truth.bbox.y0 + m.truth.bbox.y1) / 2 : -1;
      return !scan.parsed.findings.some((f) => f.severity !== 'info' && f.cells.some((c) => c.page === m.truth.page && c.bbox && Math.abs((c.bbox.y0 + c.bbox.y1) / 2 - cy) < 5));
    });
    expect(unflagged.map((m) => `${m.truth.table} p${m.truth.page} ${m.truth.printed} → ${m.read?.printed ?? 'nothing'}`)).toEqual([]);
  });

  it('keeps no amount OCR read more than one way unless an identity confirms it: the rest are flagged', () => {
    const confirmed = new Set(buildIdentities(scan.parsed.records).filter((i) => holds(i)).flatMap((i) => [i.target, ...i.summands]));
    const silent = scan.parsed.records.filter((r) => r.alternatives?.length && !confirmed.has(r) && !amountUnsure(r.flags));
    expect(silent.map((r) => `${r.table} p${r.page} ${r.printed} or ${r.alternatives!.join(' / ')}`)).toEqual([]);
  });
});

afterAll(async () => {
  await closeSharedOcrEngine();
});
