import { describe, expect, it } from 'vitest';
import { classifyTable } from './classify-table.ts';

const kinds = (docKind: 'final' | 'budget', titles: string[], rowCodes: string[] = []) => titles.map((t) => classifyTable({ title: t, headerText: '', docKind, panels: 0, rowCodes }).kind);

describe('classifyTable', () => {
  it('names a table whose title OCR misread by a character no known pair repairs', () => {
    // 般→股, 表→衣, 基→墓: each a character the recogniser takes for another
    const ocr = (title: string) => classifyTable({ title, headerText: '', docKind: 'final', panels: 0, rowCodes: [], ocr: true });
    expect(['一股公共预算财政拨款支出决算表', '收入支出决算总衣', '政府性墓金预算财政拨款收入支出决算表'].map((t) => ocr(t).kind)).toEqual(['final.gpb_expenditure', 'final.summary', 'final.gov_fund']);
    // a text layer's title is taken as printed
    expect(kinds('final', ['一股公共预算财政拨款支出决算表'])).toEqual(['final.fiscal_expenditure']);
    const c = ocr('财政拨款收入支出决算总衣');
    expect(c.evidence[0]).toMatch(/OCR-confusable/);
  });

  it('takes the more specific kind, unsure, when OCR dropped a character of its words (fax: 一般 read as “殷, 预 as 颂)', () => {
    const read = classifyTable({ title: '“殷公共颂算财政拨款支出决算表', headerText: '', docKind: 'final', panels: 0, rowCodes: [], ocr: true });
    expect(read.kind).toBe('final.gpb_expenditure');
    expect(read.confidence).toBeLessThan(0.8);
    // the kind the words read exactly name stays beside it, for the finding
    expect(read.candidates.slice(0, 2).map((c) => c.kind)).toEqual(['final.gpb_expenditure', 'final.fiscal_expenditure']);
    // read exactly, the less specific title is not pulled to the specific one
    const plain = classifyTable({ title: '财政拨款支出决算表', headerText: '', docKind: 'final', panels: 0, rowCodes: [], ocr: true });
    expect([plain.kind, plain.candidates]).toEqual(['final.fiscal_expenditure', []]);
  });

  it('takes the kind whose long word OCR read with two characters misread apart, unsure, not the plainer title left standing (政府性基金 read 政府件基鉴)', () => {
    const read = classifyTable({ title: '2017年财政拨款政府件基鉴支出预算表', headerText: '', docKind: 'budget', panels: 0, rowCodes: [], ocr: true });
    expect(read.kind).toBe('budget.gov_fund');
    expect(read.confidence).toBeLessThan(0.8);
    expect(read.candidates.map((c) => c.kind)).toContain('budget.expenditure');
    // two characters side by side are another word: 收入 is not 基本 misread
    expect(classifyTable({ title: '财政拨款收入支出决算总表', headerText: '收入|支出', docKind: 'final', panels: 2, rowCodes: [], ocr: true }).kind).toBe('final.fiscal_summary');
  });

  it('takes two characters side by side misread when the rest of the word names the kind alone (政府性基金 read 政府性培人), unsure', () => {
    const title = '政府性培人预算财政拨款收入支出决算表';
    const headerText = '项目|年初结转和结余|本年收入|本年支出|功能分类科目编码|科目名称|合计|基本支出|项目支出';
    const read = classifyTable({ title, headerText, docKind: 'final', panels: 1, rowCodes: [], ocr: true });
    expect(read.kind).toBe('final.gov_fund');
    expect(read.confidence).toBeLessThan(0.8);
    expect(read.candidates.map((c) => c.kind)).toContain('final.fiscal_summary');
    // 财政拨款 and 支出 are other kinds' words too: 基本 read 收入 leaves nothing only 财政拨款基本支出 has
    expect(classifyTable({ title: '财政拨款收入支出决算表', headerText, docKind: 'final', panels: 1, rowCodes: [], ocr: true }).kind).toBe('final.fiscal_summary');
    // a text layer's title is taken as printed
    expect(classifyTable({ title, headerText, docKind: 'final', panels: 1, rowCodes: [] }).kind).toBe('final.fiscal_summary');
  });

  it('lets a short word hold the misread character only when the rows’ codes are the kind’s (基本 read as 基札 on a fax)', () => {
    const title = '一般公共预算财收拨歙基札支出决算表';
    const read = (rowCodes: string[]) => classifyTable({ title, headerText: '', docKind: 'final', panels: 0, rowCodes, ocr: true }).kind;
    expect(read(['301', '30101', '30102', '302'])).toBe('final.gpb_basic');
    // functional rows: not the basic table, whatever the title nearly says
    expect(read(['201', '20101', '2010101'])).toBe('final.gpb_expenditure');
  });

  it('lets even a two-character word hold the misread character where the rows’ codes are the kind’s (支出 read 支屹)', () => {
    const read = (rowCodes: string[]) => classifyTable({ title: '2026年一般公共预算支屹情况表', headerText: '', docKind: 'budget', panels: 0, rowCodes, ocr: true }).kind;
    expect(read(['201', '20103', '2010305', '205'])).toBe('budget.gpb_expenditure');
    // rows of no codes: the word stays unread
    expect(read([])).toBe('other');
  });

  it('takes the kind whose own columns the header prints when OCR misread the title past its words (政府 read as 政厉), unsure', () => {
    const headerText = '采购品目大类|专项名称|经济科目|采购物品名称|采购组织形式|总计';
    const read = classifyTable({ title: '政厉采购支出预算表', headerText, docKind: 'budget', panels: 0, rowCodes: [], ocr: true });
    expect(read.kind).toBe('budget.procurement');
    expect(read.evidence[0]).toMatch(/header/);
    expect(read.candidates.map((c) => c.kind)).toEqual(['budget.procurement', 'budget.expenditure']);
    // one such column is not enough, and a text layer's title is taken as printed
    expect(classifyTable({ title: '政厉采购支出预算表', headerText: '专项名称|经济科目|采购物品名称|总计', docKind: 'budget', panels: 0, rowCodes: [], ocr: true }).kind).toBe('budget.expenditure');
    expect(classifyTable({ title: '政厉采购支出预算表', headerText, docKind: 'budget', panels: 0, rowCodes: [] }).kind).toBe('budget.expenditure');
  });

  it('takes the 财政拨款 summary whose sides its header names, though its title lost 总 (收支预算怡表)', () => {
    const headerText = '财政拨款收入|财1|5拨款支出|项目|预算数|项目|合计|一般公共预算|政府性基金预算|国有资本经营预算';
    const read = classifyTable({ title: '2025年部门财政拨款收支预算怡表', headerText, docKind: 'budget', panels: 2, rowCodes: [], ocr: true });
    expect(read.kind).toBe('budget.fiscal_summary');
    expect(read.candidates.map((c) => c.kind)).toEqual(['budget.fiscal_summary', 'budget.summary']);
    // a summary's header (收入 | 支出) names no 财政拨款 side
    expect(classifyTable({ title: '2025年部门收支预算总表', headerText: '收入|支出|项目|预算数|项目|预算数', docKind: 'budget', panels: 2, rowCodes: [], ocr: true }).kind).toBe('budget.summary');
  });

  it('takes a table printing income beside expenditure for a summary, whatever one-sided kind its misread title names', () => {
    // 收入支出决算总表 read 收入支画诀算总表, its header 收入 | 支出 read 收入 | 支师
    const read = classifyTable({ title: '收入支画诀算总表', headerText: '收入|支师|项目|决算数|项日|决算数', docKind: 'final', panels: 2, rowCodes: [], ocr: true });
    expect(read.kind).toBe('final.summary');
    expect(read.candidates.map((c) => c.kind)).toEqual(['final.income', 'final.summary']);
    // one panel under 收入: the income table it says
    expect(classifyTable({ title: '收入决算表', headerText: '项目|本年收入合计', docKind: 'final', panels: 0, rowCodes: [], ocr: true }).kind).toBe('final.income');
    // a fund's 收入支出决算表 prints both sides, and stays that fund's table
    const fund = classifyTable({ title: '政府性基金预算财政拨款收入支出决算表', headerText: '收入|支出|项目|决算数|项目|决算数', docKind: 'final', panels: 2, rowCodes: [] });
    expect(fund.kind).toBe('final.gov_fund');
  });

  it('names the procurement table whose 采 OCR read as 札 (政协 p12: 2019年政府札购预算表)', () => {
    const read = classifyTable({ title: '2019年政府札购预算表', headerText: '', docKind: 'budget', panels: 0, rowCodes: [], ocr: true });
    expect(read.kind).toBe('budget.procurement');
  });

  it('names the government-fund table whose 性 OCR read as 怕 (预算公开表格 p7: 财政拨款政府怕基金支出预算表), not the wider expenditure kind', () => {
    const read = classifyTable({ title: '财政拨款政府怕基金支出预算表', headerText: '', docKind: 'budget', panels: 0, rowCodes: [], ocr: true });
    expect(read.kind).toBe('budget.gov_fund');
  });

  it('repairs 其本 to 基本 before a misread title matches a wider kind (省人大 p14 read as 经济科目 支出)', () => {
    const read = classifyTable({ title: '一般公共预算其本支出预算表(经济科目)', headerText: '', docKind: 'budget', panels: 0, rowCodes: [], ocr: true });
    expect(read.kind).toBe('budget.gpb_basic');
  });

  it('names the standard 决算 tables whatever the wording, year and publisher', () => {
    expect(
      kinds('final', [
        '上海市XX局2024年度收入支出决算总表',
        '收入支出决算表',
        '收入决算表',
        '支出决算表',
        '财政拨款收入支出决算总表',
        '财政拨款收入支出决算表',
        '一般公共预算财政拨款支出决算表',
        '一般公共预算财政拨款基本支出决算表',
        '财政拨款“三公”经费支出决算表',
        '政府性基金预算财政拨款收入支出决算表',
        '国有资本经营预算财政拨款支出决算表',
      ]),
    ).toEqual(['final.summary', 'final.summary', 'final.income', 'final.expenditure', 'final.fiscal_summary', 'final.fiscal_summary', 'final.gpb_expenditure', 'final.gpb_basic', 'final.three_public', 'final.gov_fund', 'final.soe_capital']);
  });

  it('keeps the older formats’ 明细表 apart from the tables they detail', () => {
    expect(kinds('final', ['财政拨款支出决算明细表', '一般公共预算财政拨款支出决算明细表', '一般公共预算财政拨款项目支出决算表'])).toEqual(['final.fiscal_detail', 'final.gpb_detail', 'final.gpb_project']);
  });

  it('names the standard 预算 tables and project lists', () => {
    expect(
      kinds('budget', ['2025年部门收支总表', '财务收支预算总表', '收入预算总表', '支出预算总表', '财政拨款收支预算总表', '一般公共预算支出功能分类预算表', '一般公共预算基本支出部门预算经济分类预算表', '“三公”经费和机关运行经费预算表', '财政拨款支出预算表（部门经济分类科目）', '项目支出预算表', '一般公共预算项目支出预算表']),
    ).toEqual(['budget.summary', 'budget.summary', 'budget.income', 'budget.expenditure', 'budget.fiscal_summary', 'budget.gpb_expenditure', 'budget.gpb_basic', 'budget.three_public', 'budget.fiscal_by_econ', 'budget.project_expenditure', 'budget.gpb_project']);
  });

  it('names the Jiangsu table set', () => {
    expect(
      kinds('budget', [
        '公开05表：财政拨款支出预算表（功能科目）',
        '财政拨款基本支出预算表（经济科目）',
        '一般公共预算机关运行经费支出预算表',
        '2019年政府采购预算表',
        '“三公”经费、会议费、培训费支出预算表',
        '十、2018年度江苏省高级人民法院政府性基金预算财政拨款支出预算表',
      ]),
    ).toEqual(['budget.fiscal_expenditure', 'budget.fiscal_basic', 'budget.agency_operation', 'budget.procurement', 'budget.three_public', 'budget.gov_fund']);
  });

  it('reads titles through OCR confusions, with less confidence', () => {
    const c = classifyTable({ title: '收人预算总表', headerText: '', docKind: 'budget', panels: 0, rowCodes: [] });
    expect(c.kind).toBe('budget.income');
    expect(c.confidence).toBeLessThan(0.9);
    expect(kinds('budget', ['单仨收支总表', '财政拨款支山预算表'])).toEqual(['budget.summary', 'budget.fiscal_expenditure']);
  });

  it('never gives economic rows a functional kind: uncertain tables are other, with candidates', () => {
    const c = classifyTable({ title: '财政拨款支出预算表', headerText: '', docKind: 'budget', panels: 0, rowCodes: ['301', '30101', '30102', '302'] });
    expect(c.kind).toBe('other');
    expect(c.candidates.map((x) => x.kind)).toContain('budget.fiscal_expenditure');
    expect(c.evidence.join(' ')).toMatch(/economic/);
  });
});
