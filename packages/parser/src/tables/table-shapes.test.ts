import { describe, expect, it } from 'vitest';
import { extractText } from '@juesuan/extractor';
import { parseDocument } from '../parse-document.ts';

const sha = '0'.repeat(64);
const html = (title: string, table: string) => `<html><body><p>示例省档案局2019年部门预算</p><p>${title}</p><p>单位：万元</p><table>${table}</table></body></html>`;
const parse = (title: string, table: string) => parseDocument(extractText(html(title, table), 'budget-2019.html', sha, 'html'));
const errors = (p: ReturnType<typeof parse>) => p.findings.filter((f) => f.severity === 'error');

describe('table shapes of other regions', () => {
  it('a two-group summary: expenditure by function and by purpose, rows spanning both in neither', () => {
    const p = parse(
      '收支预算总表',
      `<tr><td colspan="2">收入</td><td colspan="4">支出</td></tr>
       <tr><td rowspan="2">项目名称</td><td rowspan="2">金额</td><td colspan="2">功能分类</td><td colspan="2">支出用途</td></tr>
       <tr><td>功能科目名称</td><td>金额</td><td>项目名称</td><td>金额</td></tr>
       <tr><td>一、财政拨款</td><td>100.00</td><td>一、一般公共服务支出</td><td>100.00</td><td>一、基本支出</td><td>60.00</td></tr>
       <tr><td></td><td></td><td>二、外交支出</td><td></td><td>二、项目支出</td><td>40.00</td></tr>
       <tr><td>收入合计</td><td>100.00</td><td colspan="3">支出合计</td><td>100.00</td></tr>`,
    );
    expect(p.tables[0]).toMatchObject({ kind: 'budget.summary' });
    const exp = p.records.filter((r) => r.side === 'expenditure').map((r) => [r.label, r.group, r.measure]);
    expect(exp).toEqual([
      ['一、一般公共服务支出', 'function', 'amount'],
      ['一、基本支出', 'purpose', 'amount'],
      ['二、项目支出', 'purpose', 'amount'],
      ['支出合计', null, 'amount'],
    ]);
    expect(errors(p)).toEqual([]);
  });

  it('headings of several fund columns run together into one cell: the columns under it get no guessed measure', () => {
    const p = parse(
      '项目支出预算表',
      `<tr><td rowspan="3">支出项目类别</td><td rowspan="3">总计</td><td colspan="3">财政拨款</td></tr>
       <tr><td colspan="3">一般公共预政府性基金</td></tr>
       <tr><td>合计</td><td>算</td><td>预算</td></tr>
       <tr><td>物业管理费</td><td>99.00</td><td>99.00</td><td>99.00</td><td>0.00</td></tr>`,
    );
    expect(p.tables[0]!.measures).toEqual([null, 'total', 'col:合计', 'col:算', 'col:预算']);
    expect(p.findings.filter((f) => f.rule === 'measure.unknown_header')).toHaveLength(3);
  });

  it('a table without lines down: side headings drawn over the amounts only, the 项目 column still opens its side', () => {
    const p = parse(
      '财政拨款收支预算总表',
      `<tr><td colspan="2">财政拨款收入</td><td></td><td colspan="2">财政拨款支出</td></tr>
       <tr><td>项目</td><td>预算数</td><td>项目</td><td>合计</td><td>一般公共预算</td></tr>
       <tr><td>一、一般公共预算资金</td><td>100.00</td><td>一、一般公共服务支出</td><td>100.00</td><td>100.00</td></tr>
       <tr><td>收入总计</td><td>100.00</td><td>支出总计</td><td>100.00</td><td>100.00</td></tr>`,
    );
    const rows = p.records.map((r) => [r.side, r.label, r.measure]);
    expect(rows).toEqual([
      ['income', '一、一般公共预算资金', 'amount'],
      ['income', '收入总计', 'amount'],
      ['expenditure', '一、一般公共服务支出', 'total'],
      ['expenditure', '一、一般公共服务支出', 'gpb'],
      ['expenditure', '支出总计', 'total'],
      ['expenditure', '支出总计', 'gpb'],
    ]);
  });

  it('a side heading misread over its 项目 and 合计 columns: the 项目 column still opens the side the columns after it name', () => {
    const p = parse(
      '财政拨款收支预算总表',
      `<tr><td colspan="2">财政拨款收入</td><td colspan="2">财]</td><td colspan="2">文拨款支出</td></tr>
       <tr><td>项目</td><td>预算数</td><td>项目</td><td>合计</td><td>一般公共预算</td><td>政府性基金预算</td></tr>
       <tr><td>一、一般公共预算资金</td><td>100.00</td><td>一、一般公共服务支出</td><td>100.00</td><td>100.00</td><td></td></tr>
       <tr><td>收入总计</td><td>100.00</td><td>支出总计</td><td>100.00</td><td>100.00</td><td></td></tr>`,
    );
    expect(p.tables[0]!.measures).toEqual([null, 'amount', null, 'total', 'gpb', 'gov_fund']);
    expect(p.records.filter((r) => r.col === 3).map((r) => [r.side, r.label])).toEqual([
      ['expenditure', '一、一般公共服务支出'],
      ['expenditure', '支出总计'],
    ]);
  });

  it('a heading naming the table\'s own subject over 合计 keeps it the total, however few columns its cell spans', () => {
    const p = parse(
      '一般公共预算支出功能分类预算表',
      `<tr><td rowspan="2">科目编码</td><td rowspan="2">科目名称</td><td colspan="2">一般公共预算支出</td><td></td></tr>
       <tr><td>合计</td><td>基本支出</td><td>项目支出</td></tr>
       <tr><td>2010301</td><td>行政运行</td><td>10.00</td><td>10.00</td><td>0.00</td></tr>`,
    );
    expect(p.tables[0]!.measures).toEqual([null, null, 'total', 'basic', 'project']);
  });

  it('a 绩效目标 column beside the amounts is a remark, never the row\'s name', () => {
    const p = parse(
      '项目支出预算表',
      `<tr><td>项目名称</td><td>合计</td><td>绩效目标</td></tr>
       <tr><td>物业管理费</td><td>99.00</td><td>做好市人民来访接待厅物业管理服务工作，确保提供优质物业管理服务。</td></tr>
       <tr><td>信访宣传经费</td><td>5.00</td><td>讲好信访故事，提升信访工作社会关注度和影响力。</td></tr>`,
    );
    expect(p.records.map((r) => [r.label, r.measure])).toEqual([
      ['物业管理费', 'total'],
      ['信访宣传经费', 'total'],
    ]);
  });

  it('a comparison with last year: its 增减额 is a change, never the amount its group names, and its 增减(%) no money at all', () => {
    // the ratio printed without its % sign, as OCR's digit reading gives it
    const p = parse(
      '一般公共预算支出表',
      `<tr><td rowspan="2">科目编码</td><td rowspan="2">科目名称</td><td rowspan="2">2025年执行数</td><td rowspan="2">2026年预算数</td><td colspan="2">2026年预算数比2025年执行数</td><td colspan="2">2026年预算数比2025年执行数（扣除中央基建投资）</td></tr>
       <tr><td>增减额</td><td>增减(%)</td><td>增减额</td><td>增减(%)</td></tr>
       <tr><td>201</td><td>一般公共服务支出</td><td>200.00</td><td>150.00</td><td>-50.00</td><td>-25.00</td><td>-40.00</td><td>-21.05</td></tr>`,
    );
    // the second comparison is told apart by its group, never taken for transfer money (中央 alone)
    expect(p.records.map((r) => [r.printed, r.measure])).toEqual([
      ['200.00', 'col:2025年执行数'],
      ['150.00', 'amount'],
      ['-50.00', 'change'],
      ['-40.00', 'budget.change'],
    ]);
  });

  it('a summary whose 支出 heading was misread (E 3出): the heading beside 收入 is the other side', () => {
    const p = parse(
      '收支总表',
      `<tr><td colspan="2">收入</td><td colspan="2">E 3出</td></tr>
       <tr><td>项目</td><td>金额</td><td>项“目</td><td>2026年预算数</td></tr>
       <tr><td>一、财政拨款</td><td>100.00</td><td>一、教育支出</td><td>100.00</td></tr>
       <tr><td>收入总计</td><td>100.00</td><td>支出总计</td><td>100.00</td></tr>`,
    );
    expect(p.records.map((r) => [r.label, r.side, r.measure]).sort()).toEqual([
      ['一、教育支出', 'expenditure', 'amount'],
      ['一、财政拨款', 'income', 'amount'],
      ['支出总计', 'expenditure', 'amount'],
      ['收入总计', 'income', 'amount'],
    ]);
  });

  it('income by source: rows under a merged group cell carry it as their parent', () => {
    const p = parse(
      '收入预算总表',
      `<tr><td colspan="2">项目名称</td><td>金额</td></tr>
       <tr><td colspan="2">收入总计</td><td>100.00</td></tr>
       <tr><td rowspan="2">一般公共预算资金</td><td>小计</td><td>90.00</td></tr>
       <tr><td>公共财政拨款(补助)资金</td><td>90.00</td></tr>
       <tr><td rowspan="2">其他资金</td><td>小计</td><td>10.00</td></tr>
       <tr><td>其他收入</td><td>10.00</td></tr>`,
    );
    expect(p.tables[0]!.kind).toBe('budget.income');
    expect(p.records.map((r) => [r.label, r.parentLabel])).toEqual([
      ['收入总计', null],
      ['小计', '一般公共预算资金'],
      ['公共财政拨款(补助)资金', '一般公共预算资金'],
      ['小计', '其他资金'],
      ['其他收入', '其他资金'],
    ]);
    expect(errors(p)).toEqual([]);
  });

  it('income by source adds up: each group’s 小计 = Σ its rows (其中 apart), 收入总计 = Σ the 小计', () => {
    const table = (other: string, total = '100.00') =>
      `<tr><td colspan="2">项目名称</td><td>金额</td></tr>
       <tr><td colspan="2">收入总计</td><td>${total}</td></tr>
       <tr><td rowspan="3">一般公共预算资金</td><td>小计</td><td>90.00</td></tr>
       <tr><td>公共财政拨款(补助)资金</td><td>90.00</td></tr>
       <tr><td>其中：专项收入</td><td>5.00</td></tr>
       <tr><td rowspan="2">其他资金</td><td>小计</td><td>10.00</td></tr>
       <tr><td>其他收入</td><td>${other}</td></tr>`;
    expect(errors(parse('收入预算总表', table('10.00')))).toEqual([]);
    expect(errors(parse('收入预算总表', table('11.39'))).map((f) => f.rule)).toEqual(['groups.subtotal']);
    expect(errors(parse('收入预算总表', table('10.00', '101.00'))).map((f) => f.rule)).toEqual(['groups.total']);
  });

  it('a 三公 table with 会议费 and 培训费: its 合计 is the grand total, the “三公” 小计 the 三公 total', () => {
    const p = parse(
      '“三公”经费、会议费、培训费支出预算表',
      `<tr><td rowspan="3">合计</td><td colspan="6">“三公”经费</td><td rowspan="3">会议费</td><td rowspan="3">培训费</td></tr>
       <tr><td rowspan="2">小计</td><td rowspan="2">因公出国（境）费</td><td colspan="3">公务用车购置及运行维护费</td><td rowspan="2">公务接待费</td></tr>
       <tr><td>小计</td><td>公务用车购置费</td><td>公务用车运行维护费</td></tr>
       <tr><td>30.00</td><td>20.00</td><td>5.00</td><td>10.00</td><td></td><td>10.00</td><td>5.00</td><td>6.00</td><td>4.00</td></tr>`,
    );
    expect(p.tables[0]!.measures).toEqual(['budget.grand_total', 'budget.total', 'budget.overseas', 'budget.vehicle_total', 'budget.vehicle_purchase', 'budget.vehicle_operation', 'budget.reception', 'budget.meeting', 'budget.training']);
    expect(errors(p)).toEqual([]);
    expect(p.records.every((r) => r.label === null)).toBe(true);
  });

  it('a procurement table: context carried down the rows, each line at its level', () => {
    const p = parse(
      '2019年政府采购预算表',
      `<tr><td>采购品目大类</td><td>专项名称</td><td>经济科目</td><td>采购物品名称</td><td>采购组织形式</td><td>总计</td></tr>
       <tr><td>合计</td><td></td><td></td><td></td><td></td><td>50.00</td></tr>
       <tr><td>一、货物A</td><td></td><td></td><td></td><td></td><td>50.00</td></tr>
       <tr><td></td><td>办公设备购置费</td><td>办公设备购置</td><td></td><td></td><td>50.00</td></tr>
       <tr><td></td><td></td><td></td><td>台式计算机</td><td>分散自行组织</td><td>30.00</td></tr>
       <tr><td></td><td></td><td></td><td>打印机</td><td>部门集中采购</td><td>20.00</td></tr>`,
    );
    expect(p.tables[0]!.kind).toBe('budget.procurement');
    expect(p.records.map((r) => [r.label, r.context])).toEqual([
      ['合计', { level: 'total' }],
      ['一、货物A', { level: 'category' }],
      ['办公设备购置', { level: 'econ_item', category: '一、货物A', special_item: '办公设备购置费' }],
      ['台式计算机', { level: 'item', category: '一、货物A', special_item: '办公设备购置费', econ_item: '办公设备购置', method: '分散自行组织' }],
      ['打印机', { level: 'item', category: '一、货物A', special_item: '办公设备购置费', econ_item: '办公设备购置', method: '部门集中采购' }],
    ]);
  });

  it('a procurement table adds up as a tree: 合计 = Σ 大类, a 大类 = Σ its 经济科目 lines, a line = Σ its items', () => {
    const table = (printer: string) =>
      `<tr><td>采购品目大类</td><td>专项名称</td><td>经济科目</td><td>采购物品名称</td><td>采购组织形式</td><td>总计</td></tr>
       <tr><td>合计</td><td></td><td></td><td></td><td></td><td>58.00</td></tr>
       <tr><td>一、货物A</td><td></td><td></td><td></td><td></td><td>50.00</td></tr>
       <tr><td></td><td>办公设备购置费</td><td>办公设备购置</td><td></td><td></td><td>50.00</td></tr>
       <tr><td></td><td></td><td></td><td>台式计算机</td><td>分散自行组织</td><td>30.00</td></tr>
       <tr><td></td><td></td><td></td><td>打印机</td><td>部门集中采购</td><td>${printer}</td></tr>
       <tr><td>二、服务C</td><td></td><td></td><td></td><td></td><td>8.00</td></tr>
       <tr><td></td><td></td><td></td><td>印刷服务</td><td>分散自行组织</td><td>8.00</td></tr>`;
    expect(errors(parse('2019年政府采购预算表', table('20.00')))).toEqual([]);
    const broken = errors(parse('2019年政府采购预算表', table('10.00')));
    expect(broken.map((f) => f.rule)).toEqual(['hierarchy.procurement']);
    expect(broken[0]!.messageEn).toMatch(/sum of the lines under it/);
  });

  it('a column no vocabulary knows keeps its own header as its measure, and says so', () => {
    const p = parse(
      '支出预算总表',
      `<tr><td>合计</td><td>基本支出</td><td>项目支出</td><td>单位预留机动经费</td><td>债务还本支出</td></tr>
       <tr><td>100.00</td><td>50.00</td><td>30.00</td><td>20.00</td><td>7.00</td></tr>`,
    );
    expect(p.tables[0]!.measures).toEqual(['total', 'basic', 'project', 'reserve', 'col:债务还本支出']);
    expect(p.findings.map((f) => f.rule)).toContain('measure.unknown_header');
    expect(errors(p)).toEqual([]);
  });

  it('a names heading run over the amounts beside it (a rule the scan lost): the amounts kept, under the heading as printed, and said so', () => {
    const p = parse(
      '一般公共预算机关运行经费支出预算表',
      `<tr><td>科目编码</td><td colspan="2">科目名称|机关运行经费支出</td></tr>
       <tr><td colspan="2">合计</td><td>148.92</td></tr>
       <tr><td>302</td><td>商品和服务支出</td><td>148.92</td></tr>
       <tr><td>30201</td><td>办公费</td><td>130.00</td></tr>
       <tr><td>30205</td><td>水费</td><td>18.92</td></tr>`,
    );
    expect(p.tables[0]).toMatchObject({ kind: 'budget.agency_operation' });
    expect(p.tables[0]!.measures).toEqual([null, null, 'col:科目名称|机关运行经费支出']);
    expect(p.records.filter((r) => r.code === '30201').map((r) => [r.label, r.amountFen])).toEqual([['办公费', 130_000_000]]);
    expect(p.findings.map((f) => f.rule)).toContain('measure.unknown_header');
  });
});
