import type { DocumentMeta, ExtractedDocument, ParsedTable } from '@juesuan/model';
import { describe, expect, it } from 'vitest';
import type { AuditContext } from './audit-context.ts';
import { structureRules } from './structure.ts';
import { DocumentText } from './text-index.ts';

const ENTRIES = ['1.2025年部门财务收支预算总表', '2.2025年部门收入预算总表', '4.2025年部门支出功能分类预算表', '5.2025年部门－般公共预算支出功能分类预算表'];
const TABLES = [
  { index: 0, kind: 'budget.summary', title: '2025年部门财务收支预算总表' },
  { index: 1, kind: 'budget.income', title: '2025年部门收入预算总表' },
  { index: 2, kind: 'budget.expenditure', title: '2025年部门支出功能分类预算表' },
  { index: 3, kind: 'budget.gpb_expenditure', title: '2025年部门一般公共预算支出功能分类预算表' },
] as unknown as ParsedTable[];

/** A report whose 目录 (page 1, read as `source`) lists its four tables, one title's 一 read as a full-width dash. */
function context(source: 'ocr' | 'text'): AuditContext {
  const lines = ['目录', ...ENTRIES].map((text, i) => ({ text, bbox: { x0: 50, y0: 50 + i * 20, x1: 50 + text.length * 10, y1: 64 + i * 20 }, fontSize: 10.5, inTable: false }));
  const doc: ExtractedDocument = { file: 'x.pdf', sha256: '0'.repeat(64), format: 'pdf', extractorVersion: 't', pageCount: 1, pages: [{ number: 1, width: 600, height: 800, source, isTableOfContents: true, lines }], sections: [], tables: TABLES.map((t) => ({ index: t.index, pages: [2], meta: { title: t.title }, cells: [] })) as unknown as ExtractedDocument['tables'] };
  const meta: DocumentMeta = { kind: 'budget', fiscalYear: 2025, department: null, unitScope: null, region: { province: null, city: null, county: null, name: null, code: null, level: 'unknown' }, publicationDate: null, unitsIncluded: [], publication: null };
  return { doc, meta, tables: TABLES, records: [], facts: [], text: new DocumentText(doc) };
}

const tocRules = (ctx: AuditContext) => structureRules(ctx).findings.map((f) => f.rule).filter((r) => r.startsWith('structure.toc_'));

describe('the 目录 against the tables', () => {
  it('reads an entry OCR read through its confusions: 部门－般公共预算 names the 一般公共预算 table, and every table is listed', () => {
    expect(tocRules(context('ocr'))).toEqual([]);
  });

  it('reads a text layer’s entry as printed: a dash there is no 一, so the entry names the wider table and the other is unlisted', () => {
    expect(tocRules(context('text'))).toEqual(['structure.toc_unlisted_table']);
  });
});
