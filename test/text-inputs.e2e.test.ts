import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument, ParsedDocument } from '@juesuan/model';
import { parseDocument } from '@juesuan/parser';
import { extractFile } from '../pipelines/src/extract-file.ts';
import { samples } from './helpers.ts';

const text = join(samples, 'text');
async function load(name: string): Promise<{ doc: ExtractedDocument; parsed: ParsedDocument }> {
  const file = join(text, name);
  const doc = await extractFile(new Uint8Array(readFileSync(file)), file);
  return { doc, parsed: parseDocument(doc) };
}

describe('a 决算 converted to tab-separated text', () => {
  let doc: ExtractedDocument;
  let parsed: ParsedDocument;
  beforeAll(async () => {
    ({ doc, parsed } = await load('sample-final-2022.txt'));
  });

  it('keeps the tab-written TOC out of the tables and the sections', () => {
    expect(doc.tables.map((t) => t.meta.title)).toEqual(['收入支出决算总表', '支出决算表']);
    expect(doc.sections.filter((s) => s.numbering === '第一部分')).toHaveLength(1);
  });

  it('merges a table continued after a page footer, header kept once, and reads its metadata', () => {
    const summary = doc.tables[0]!;
    expect(summary.meta).toMatchObject({ number: '公开01表', department: '示例市医疗保障局', unit: '万元' });
    expect(summary.cells.filter((c) => c.text === '栏次')).toHaveLength(2); // one per side, once
    expect(summary.cells.some((c) => c.text === '总计')).toBe(true);
    expect(summary.pages).toEqual([null]);
  });

  it('joins split 类/款/项 codes and reads conversion artefacts exactly', () => {
    const byKey = (code: string, measure: string) => parsed.records.find((r) => r.table === 'final.expenditure' && r.code === code && r.measure === measure)!;
    expect(byKey('2101501', 'basic')).toMatchObject({ printed: '649. 99', amountFen: 649_990_000, codeMethod: 'split' });
    expect(byKey('2210201', 'total')).toMatchObject({ printed: '３３.６０', amountFen: 33_600_000 });
  });

  it('finds no broken identity in a clean report', () => {
    expect(parsed.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('turns the (类)(款)(项) narrative into records with code, amount and completion rate, both bracket widths', () => {
    const items = parsed.facts.filter((f) => f.name === 'item_amount');
    expect(items.map((f) => [f.code, f.amountFen, f.percent])).toEqual([
      ['2101501', 752_290_000, 96.92],
      ['2101502', 605_790_000, 100],
      ['20899', 30_000, 100],
    ]);
  });

  it('keeps an item whose 项 neither the tables nor the catalog know under its 款, with a finding', () => {
    const partial = parsed.findings.filter((f) => f.rule === 'narrative.item_code_partial');
    expect(partial).toHaveLength(1);
    expect(partial[0]!.messageEn).toContain('20899');
  });
});

describe('markdown and HTML conversions', () => {
  it('reads markdown headings and pipe tables', async () => {
    const { doc, parsed } = await load('sample-budget-2025.md');
    expect(doc.sections.map((s) => s.numbering)).toEqual(['第一部分', '一、', '第二部分']);
    expect(parsed.tables[0]).toMatchObject({ kind: 'budget.expenditure', unit: '元' });
    expect(parsed.records).toHaveLength(14);
  });

  it('reads HTML tables with their column spans', async () => {
    const { parsed } = await load('sample-three-public-2022.html');
    expect(parsed.tables[0]!.measures).toEqual(['budget.total', 'final.total', 'budget.overseas', 'final.overseas', 'budget.vehicle_total', 'final.vehicle_total', 'budget.reception', 'final.reception']);
    expect(parsed.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('a 绩效自评 report', () => {
  it('gives per-project budget, adjusted budget, execution and score, and the department score', async () => {
    const { parsed } = await load('sample-performance-2023.txt');
    expect(parsed.meta).toMatchObject({ kind: 'performance', fiscalYear: 2023, department: '示例县民政局' });
    const facts = parsed.facts.filter((f) => f.name.startsWith('project.') || f.name.startsWith('performance.'));
    const view = facts.map((f) => [f.name, f.label, f.amountFen ?? f.percent ?? f.value]);
    expect(view).toEqual([
      ['performance.department_score', null, 92],
      ['project.budget', '困难群众救助补助', 150_000_000],
      ['project.adjusted_budget', '困难群众救助补助', 120_500_000],
      ['project.execution_rate', '困难群众救助补助', 98.5],
      ['project.score', '困难群众救助补助', 96],
      ['project.budget', '养老服务体系建设经费', 30_000_000],
      ['project.executed', '养老服务体系建设经费', 28_800_000],
      ['project.score', '养老服务体系建设经费', 90],
      ['project.executed', '残疾人两项补贴资金', 45_000_000],
      ['project.score', '残疾人两项补贴资金', 88],
    ]);
  });
});
