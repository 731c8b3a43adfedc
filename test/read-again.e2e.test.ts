import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSharedOcrEngine, extractPdf, readCellsAgain } from '@juesuan/extractor';
import type { AmountRecord, ExtractedDocument } from '@juesuan/model';
import { cellsToReadAgain, parseDocument } from '@juesuan/parser';
import { samples } from './helpers.ts';

const name = 'sample-final-2023.pdf';
const bytes = new Uint8Array(readFileSync(join(samples, 'scanned', name)));
let scanned: ExtractedDocument;
let printed: AmountRecord;

/** The scan's extraction with one OCR amount cell's text set to `text` (a misread no one-digit change mends). */
function misread(text: string): ExtractedDocument {
  return {
    ...scanned,
    tables: scanned.tables.map((t) => ({
      ...t,
      cells: t.cells.map((c) => (c.page === printed.page && c.bbox.x0 === printed.bbox!.x0 && c.bbox.y0 === printed.bbox!.y0 ? { ...c, text, alternatives: undefined } : c)),
    })),
  };
}

const recordAt = (doc: ExtractedDocument) => parseDocument(doc).records.find((r) => r.page === printed.page && r.bbox?.x0 === printed.bbox!.x0 && r.bbox?.y0 === printed.bbox!.y0)!;

describe('cells of a broken identity read again from the image', () => {
  beforeAll(async () => {
    scanned = await extractPdf(bytes, name, { ocr: 'auto' });
    printed = parseDocument(scanned).records.find((r) => r.table === 'final.income' && r.code === '2100101' && r.measure === 'total')!;
  }, 300_000);

  it('asks for the misread cell, and the identity takes the reading the image gives again', async () => {
    expect(printed.printed).toBe('752.29');
    const wrong = misread('182.20');
    expect(recordAt(wrong)).toMatchObject({ printed: '182.20' }); // nothing on the page says otherwise yet
    const cells = cellsToReadAgain(wrong);
    expect(cells.again).toContainEqual({ page: printed.page, bbox: printed.bbox });
    const again = await readCellsAgain(bytes, name, wrong, cells, { ocr: 'auto' });
    const mended = recordAt(again);
    expect(mended).toMatchObject({ printed: '752.29', amountFen: printed.amountFen });
    expect(mended.flags).toEqual(expect.arrayContaining(['repaired_by_identity', 'read_as:182.20']));
  }, 120_000);

  it('asks first for an amount it could not read, before the cells of the sums its loss breaks', () => {
    const { again } = cellsToReadAgain(misread('?'));
    expect(again.length).toBeGreaterThan(1);
    expect(again[0]).toEqual({ page: printed.page, bbox: printed.bbox });
  });

  it('reads a sum a cent off again where the table rounds nowhere else, and takes the reading that holds to the cent', async () => {
    const wrong = misread('752.30'); // within the rounding: no identity breaks
    expect(parseDocument(wrong).findings.filter((f) => f.severity === 'error')).toEqual([]);
    const cells = cellsToReadAgain(wrong);
    expect(cells.again).toContainEqual({ page: printed.page, bbox: printed.bbox });
    const mended = recordAt(await readCellsAgain(bytes, name, wrong, cells, { ocr: 'auto' }));
    expect(mended).toMatchObject({ printed: '752.29', amountFen: printed.amountFen });
    expect(mended.flags).toEqual(expect.arrayContaining(['repaired_by_identity', 'read_as:752.30']));
  }, 120_000);

  it('asks for nothing when every identity holds, and gives the amounts of its sums as known', () => {
    const { again, known } = cellsToReadAgain(scanned);
    expect(again).toEqual([]);
    expect(known).toContainEqual({ page: printed.page, bbox: printed.bbox });
  });
});

afterAll(async () => {
  await closeSharedOcrEngine();
});
