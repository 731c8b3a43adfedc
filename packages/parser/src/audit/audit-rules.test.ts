import type { AmountRecord, DocumentMeta, ExtractedDocument } from '@juesuan/model';
import { describe, expect, it } from 'vitest';
import type { AuditContext } from './audit-context.ts';
import { restatedRules } from './restated.ts';
import { templateRules } from './template-residue.ts';
import { DocumentText } from './text-index.ts';
import { wordingRules } from './wording.ts';
import { yearRules } from './years-dates.ts';

/** One page of narrative lines, each its own sentence or paragraph, top to bottom. */
function context(lines: string[], kind: DocumentMeta['kind'], fiscalYear: number, records: AmountRecord[] = []): AuditContext {
  const doc: ExtractedDocument = {
    file: 'x.pdf',
    sha256: '0'.repeat(64),
    format: 'pdf',
    extractorVersion: 't',
    pageCount: 1,
    pages: [{ number: 1, width: 600, height: 800, source: 'text', isTableOfContents: false, lines: lines.map((text, i) => ({ text, bbox: { x0: 50, y0: 50 + i * 20, x1: 50 + text.length * 5, y1: 64 + i * 20 }, fontSize: 10.5, inTable: false })) }],
    sections: [],
    tables: [],
  };
  const meta: DocumentMeta = { kind, fiscalYear, department: null, unitScope: null, region: { province: null, city: null, county: null, name: null, code: null, level: 'unknown' }, publicationDate: null, unitsIncluded: [], publication: null };
  return { doc, meta, tables: [], records, facts: [], text: new DocumentText(doc) };
}

function row(code: string, label: string, printed: string, unit = '万元'): AmountRecord {
  const fen = Math.round(Number(printed.replace(/,/g, '')) * (unit === '万元' ? 1_000_000 : 100));
  return { tableIndex: 0, table: 'budget.expenditure', page: 2, bbox: null, row: 0, col: 2, side: null, panel: null, code, codePrinted: null, codeMethod: 'printed', codeScore: 1, codeLevel: code.length === 3 ? 1 : code.length === 5 ? 2 : 3, parentCode: null, classCode: null, label, labelKey: label, parentLabel: null, measure: 'total', printed, unit, amountFen: fen, flags: [], group: null, context: null };
}

const budgetRows = [row('201', '一般公共服务支出', '938.99'), row('20113', '商贸事务', '938.99'), row('2011301', '行政运行', '938.99')];

describe('restated.item_amounts', () => {
  it('checks every amount of the item, not only the first: "…年预算安排 Y 万元" with Y ≠ the row', () => {
    const ctx = context(['1.一般公共服务支出（类）商贸事务（款）行政运行（项）938.99万元，主要用于机关运行。2025年预算安排940.00万元。'], 'budget', 2025, budgetRows);
    const hits = restatedRules(ctx).findings.filter((f) => f.rule === 'restated.item_amounts');
    expect(hits.map((f) => f.evidence?.[0]?.quote)).toEqual([expect.stringContaining('940.00万元')]);
  });

  it('skips last year and the change, and accepts the row in 元 restated in 万元', () => {
    const rows = [row('201', '一般公共服务支出', '9,389,913.00', '元'), row('20113', '商贸事务', '9,389,913.00', '元'), row('2011301', '行政运行', '9,389,913.00', '元')];
    const ctx = context(['1.一般公共服务支出（类）商贸事务（款）行政运行（项）938.99万元，比上年预算数800.00万元增加138.99万元。'], 'budget', 2025, rows);
    expect(restatedRules(ctx).findings).toEqual([]);
  });
});

describe('restated.total_missing', () => {
  it('finds a total stated as 0 while the summary table prints it, and one stated with no figure', () => {
    const summary = { ...row('201', '', '820.00'), table: 'final.summary', code: null, side: 'income' as const, label: '本年收入合计', labelKey: '本年收入合计', measure: 'amount' };
    const rules = (t: string) => restatedRules(context([t], 'final', 2024, [summary])).findings.map((f) => f.rule);
    expect(rules('本年收入合计0万元，其中财政拨款收入800.00万元。')).toEqual(['restated.total_missing']);
    expect(rules('本年支出合计万元，其中基本支出600.00万元。')).toEqual(['restated.total_missing']);
    expect(rules('本年收入合计820.00万元，其中财政拨款收入800.00万元。')).toEqual([]);
  });
});

describe('wording', () => {
  const rules = (lines: string[]) => wordingRules(context(lines, 'final', 2024)).findings.map((f) => f.rule);

  it('reads a comparison that opens the next sentence against the amounts before it', () => {
    expect(rules(['年初预算为135.90万元，支出决算为135.25万元。决算数小于预算数的主要原因是人员变化。'])).toEqual([]);
    expect(rules(['年初预算为135.90万元，支出决算为135.25万元。决算数大于预算数的主要原因是人员变化。'])).toEqual(['wording.comparison']);
    expect(rules(['年初预算为100.00万元，支出决算为98.00万元。决算数与预算数基本持平。'])).toEqual([]);
  });

  it('accepts a percentage cut off instead of rounded, and finds one ten times off', () => {
    expect(rules(['1．行政运行（项）支出10,883.36万元，与上年相比增加2,915.22万元，增长36.58%。'])).toEqual([]);
    expect(rules(['2．一般行政管理事务（项）支出3,666万元，与上年相比增加21.8万元，增长0.06%。'])).toEqual(['wording.change_percent']);
  });

  it('takes the figure right before the change, not a sub-item before it', () => {
    expect(rules(['收入预算37,151.47万元，其中：财政拨款收入37,151.47万元，比2024年预算执行数增加24,558.18万元。'])).toEqual([]);
  });
});

describe('template and years', () => {
  it('leaves AABB words alone and finds a doubled word', () => {
    const rules = (t: string) => templateRules(context([t], 'final', 2024)).findings.map((f) => f.rule);
    expect(rules('确保这两项工作取得实实在在的成效。')).toEqual([]);
    expect(rules('主要原因是是项目支出按进度支付。')).toEqual(['template.doubled_word']);
    expect(rules('上海市XX局2024年度部门决算。')).toEqual(['template.placeholder']);
  });

  it('wants 截至 the end of the year before in a 预算 and of the year in a 决算', () => {
    const rules = (kind: 'final' | 'budget', t: string) => yearRules(context([t], kind, 2025)).findings.map((f) => f.rule);
    expect(rules('budget', '截至2024年12月31日，本部门共有车辆2辆。')).toEqual([]);
    expect(rules('final', '截至2024年12月31日，本部门共有车辆2辆。')).toEqual(['years.cutoff_date']);
  });
});
