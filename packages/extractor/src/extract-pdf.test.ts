import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument, Table } from '@juesuan/model';
import { extractPdf, extractPdfPages } from './extract-pdf.ts';
import { OcrEngine } from './ocr/tesseract-pool.ts';
import { PaddleLines } from './ocr/paddle-lines.ts';
import { normalizeCjkSpacing } from './layout/cjk-text.ts';

const samples = join(import.meta.dirname, '..', '..', '..', 'samples');
const load = (name: string) => extractPdf(new Uint8Array(readFileSync(join(samples, name))), name);
const rowsOf = (t: Table) => {
  const rows: string[][] = [];
  for (const c of t.cells) (rows[c.row] ??= [])[c.col] = c.text;
  return rows;
};

describe('extractPdf on the 决算 sample', () => {
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = await load('sample-final-2023.pdf');
  });

  it('finds each table once with its title and unit', () => {
    expect(doc.tables.map((t) => t.meta.title)).toEqual(['收入支出决算总表', '收入决算表', '一般公共预算财政拨款基本支出决算表', '财政拨款“三公”经费支出决算表']);
    expect(doc.tables.every((t) => t.meta.unit === '万元')).toBe(true);
  });

  it('stitches a table continued on the next page, header kept once, cells keep their page', () => {
    const income = doc.tables[1]!;
    expect(income.pages).toEqual([5, 6]);
    const rows = rowsOf(income);
    expect(rows.filter((r) => r.includes('科目名称'))).toHaveLength(1);
    expect(rows.at(-1)).toEqual(['221', '02', '01', '住房公积金', '127.42', '127.42', '']);
    expect(income.cells.find((c) => c.text === '住房公积金')?.page).toBe(6);
    expect(income.cells.find((c) => c.text === '行政运行')?.page).toBe(5);
  });

  it('keeps split 类/款/项 code columns as separate cells under a merged header', () => {
    const income = doc.tables[1]!;
    const header = income.cells.find((c) => c.text === '科目编码')!;
    expect(header.colSpan).toBe(3);
    expect(rowsOf(income).find((r) => r[3] === '行政运行')!.slice(0, 3)).toEqual(['210', '01', '01']);
  });

  it('joins wrapped cell text without spaces', () => {
    const income = doc.tables[1]!;
    expect(income.cells.some((c) => c.text === '机关事业单位基本养老保险缴费支出')).toBe(true);
  });

  it('marks the panels of a side-by-side table', () => {
    expect(doc.tables[2]!.panels.map((p) => [p.colStart, p.colEnd])).toEqual([
      [0, 3],
      [4, 7],
    ]);
    expect(doc.tables[0]!.panels).toHaveLength(2);
  });

  it('recognizes the table of contents and builds the heading tree', () => {
    expect(doc.pages.filter((p) => p.isTableOfContents).map((p) => p.number)).toEqual([2]);
    const first = doc.sections.find((s) => s.numbering === '第一部分')!;
    expect(first.page).toBe(3);
    const duty = doc.sections.find((s) => s.title === '主要职能')!;
    expect(duty.path).toEqual(['第一部分示例市示例区卫生健康委员会概况', '一、主要职能']);
    expect(duty.text).toContain('统筹规划');
  });
});

describe('extractPdf on the 预算 sample', () => {
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = await load('sample-budget-2025.pdf');
  });

  it('continues a header-less table and reads 元', () => {
    const t = doc.tables[0]!;
    expect(t.meta.unit).toBe('元');
    expect(t.pages).toEqual([2, 3]);
    expect(rowsOf(t).at(-1)?.[1]).toBe('其他普通教育支出（含学前教育和特殊教育补助资金）');
  });

  it('reads the table number, department line and notes', () => {
    const t = doc.tables[0]!;
    expect(t.meta).toMatchObject({ number: '公开03表', department: '示例县教育局', title: '2025年部门支出预算总表' });
    expect(t.meta.notes).toEqual(['注：本表金额单位为元。']);
  });

  it('finds a table printed without lines by its column alignment', () => {
    const t = doc.tables[1]!;
    expect(t.ruled).toBe(false);
    expect(t.meta).toMatchObject({ title: '2025年部门“三公”经费预算表', unit: '万元' });
    expect(rowsOf(t)).toEqual([
      ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务接待费', '机关运行经费'],
      ['12.50', '0.00', '8.50', '4.00', '120.35'],
    ]);
  });
});

describe('bad input', () => {
  it('names the file and the problem', async () => {
    await expect(load('bad/not-a-pdf.pdf')).rejects.toThrow(/bad\/not-a-pdf\.pdf: not a PDF/);
    await expect(load('bad/truncated.pdf')).rejects.toThrow(/truncated\.pdf: corrupt or truncated PDF/);
    await expect(load('bad/encrypted.pdf')).rejects.toThrow(/encrypted\.pdf: encrypted PDF/);
    await expect(load('bad/zero-pages.pdf')).rejects.toThrow(/zero-pages\.pdf: the PDF has zero pages/);
  });
});

describe('normalizeCjkSpacing', () => {
  it('removes layout spaces between Chinese characters only', () => {
    expect(normalizeCjkSpacing('因 公 出 国 （ 境 ） 费')).toBe('因公出国（境）费');
    expect(normalizeCjkSpacing('Total  amount')).toBe('Total amount');
  });
});

describe('pages read at once', () => {
  // a closed engine fails each page's recognition at once: what is left to see is when each page starts
  const order = async (size: number) => {
    const engine = new OcrEngine(size);
    await engine.close();
    const events: string[] = [];
    const bytes = new Uint8Array(readFileSync(join(samples, 'sample-final-2023.pdf')));
    const { layouts } = await extractPdfPages(bytes, 'sample-final-2023.pdf', { ocr: 'always', engine, first: 1, last: 3, onOcrPage: (n) => events.push(`read ${n}`), onPage: (n) => events.push(`done ${n}`) });
    expect(layouts.every((l) => l.page.failed?.message.includes('closed'))).toBe(true);
    return events;
  };

  it('are one at a time where the OCR has one core, so no page holds its images waiting for it', async () => {
    expect(await order(1)).toEqual(['read 1', 'done 1', 'read 2', 'done 2', 'read 3', 'done 3']);
  });

  it('are two where it has more: a page is drawn while the other is recognised', async () => {
    const events = await order(2);
    expect(events.indexOf('read 2')).toBeLessThan(events.indexOf('done 1'));
    expect(events.filter((e) => e.startsWith('done'))).toEqual(['done 1', 'done 2', 'done 3']);
  });

  it('take the next page as soon as either is read, not in step: a slow first page holds back no other', async () => {
    const events: string[] = [];
    // page 1's calls (the first, all handed out in one turn of the event loop) end late; every call fails, so each page ends at its first
    class SlowFirstPage extends OcrEngine {
      private firstTurn: boolean | undefined;
      private async call(): Promise<never> {
        if (this.firstTurn === undefined) {
          this.firstTurn = true;
          setImmediate(() => (this.firstTurn = false));
        }
        if (this.firstTurn) {
          await new Promise((resolve) => setTimeout(resolve, 3000));
          if (!events.includes('slow page ends')) events.push('slow page ends');
        }
        throw new Error('no recogniser here');
      }
      override warm(): void {}
      override recognize = () => this.call();
      override recognizeLines = () => this.call();
      override recognizeChoices = () => this.call();
    }
    const bytes = new Uint8Array(readFileSync(join(samples, 'sample-final-2023.pdf')));
    // no line recogniser: its lines go to the slow calls too
    const lines = new PaddleLines();
    await lines.close();
    const { layouts } = await extractPdfPages(bytes, 'sample-final-2023.pdf', { ocr: 'always', engine: new SlowFirstPage(2, undefined, lines), first: 1, last: 3, onOcrPage: (n) => events.push(`read ${n}`) });
    expect(layouts.map((l) => l.page.number)).toEqual([1, 2, 3]);
    expect(events.indexOf('read 3')).toBeGreaterThan(-1);
    expect(events.indexOf('read 3')).toBeLessThan(events.indexOf('slow page ends'));
  });
});
