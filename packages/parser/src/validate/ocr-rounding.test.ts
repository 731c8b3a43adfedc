import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AmountRecord, ParsedDocument } from '@juesuan/model';
import { extractPdf } from '@juesuan/extractor';
import { parseDocument } from '../parse-document.ts';
import { parseAmount } from '../amounts/parse-amount.ts';
import { ocrRoundingFindings } from './ocr-rounding.ts';

const samples = join(import.meta.dirname, '..', '..', '..', '..', 'samples');
let clean: ParsedDocument;

beforeAll(async () => {
  const name = 'sample-final-2023.pdf';
  clean = parseDocument(await extractPdf(new Uint8Array(readFileSync(join(samples, name))), name));
});

/** The sample's records with one total's last digit read one off (752.29 as 752.30). */
function lastDigitOff(): { records: AmountRecord[]; cell: AmountRecord } {
  const records = clean.records.map((r) => ({ ...r, flags: [...r.flags] }));
  const cell = records.find((x) => x.table === 'final.income' && x.code === '2100101' && x.measure === 'total')!;
  cell.printed = '752.30';
  cell.amountFen = parseAmount(cell.printed, cell.unit)!.fen;
  return { records, cell };
}

describe('OCR identities that hold only within rounding', () => {
  it('point at their cells when OCR read the table: a last digit one off looks the same', () => {
    const { records, cell } = lastDigitOff();
    const found = ocrRoundingFindings(records, new Set(records.map((r) => r.tableIndex)));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.rule === 'ocr.identity_within_rounding' && f.severity === 'warning')).toBe(true);
    expect(found.some((f) => f.cells.some((c) => c.page === cell.page && c.printed === '752.30'))).toBe(true);
  });

  it('say nothing of exact identities, nor of tables read from the text layer', () => {
    expect(ocrRoundingFindings(clean.records, new Set(clean.records.map((r) => r.tableIndex)))).toEqual([]);
    const { records } = lastDigitOff();
    expect(ocrRoundingFindings(records, new Set())).toEqual([]);
  });
});
