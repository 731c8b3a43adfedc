import { describe, expect, it } from 'vitest';
import type { MeasureContext } from './measures.ts';
import { columnId, measureOf } from './measures.ts';

const ctx = (kind: string, ocr: boolean, side: MeasureContext['side'] = null): MeasureContext => ({ kind, side, threePublicGroup: false, ocr });

describe('measureOf', () => {
  it('names a column whose own header OCR misread by a character, not by the group above it', () => {
    // 基本支出 read 桃木支出 under 一般公共预算支出
    const path = ['一般公共预算支出', '桃木支出'];
    expect(measureOf(path, ctx('budget.gpb_expenditure', true))).toBe('basic');
    // a text layer's header is taken as printed
    expect(measureOf(path, ctx('budget.gpb_expenditure', false))).toBe('gpb');
    // two edits name nothing, nor does a longer header holding a word one off (还本支出): unknown, not the group's measure
    expect(measureOf(['一般公共预算支出', '债务还本支出'], ctx('budget.gpb_expenditure', true))).toBeNull();
    expect(measureOf(['一般公共预算支出', '桃木交出'], ctx('budget.gpb_expenditure', true))).toBeNull();
  });

  it('leaves a column unknown whose own header OCR read as no word, rather than give it the group’s measure', () => {
    // 合计 under 一般公共预算基本支出 read 他诈: not the group's measure (its sums may name it the total later)
    expect(measureOf(['一般公共预算基本支出', '他诈'], ctx('budget.gpb_basic', true))).toBeNull();
    // a header word that names no measure of its own (金额) still takes the group's; a text layer's header is taken as printed
    expect(measureOf(['一般公共预算基本支出', '金额'], ctx('budget.gpb_basic', true))).toBe('basic');
    expect(measureOf(['一般公共预算基本支出', '他诈'], ctx('budget.gpb_basic', false))).toBe('basic');
    // a wrapped 政府性基金预算 whose first line OCR lost (预算 alone, filler) is not the group's 财政拨款 either
    expect(measureOf(['财政拨款', '预算'], ctx('budget.project_expenditure', true))).toBeNull();
  });

  it('takes one of a rule’s words misread by a character (本年收入合计 read 本年收入合视)', () => {
    expect(measureOf(['本年收入合视'], ctx('final.income', true))).toBe('total');
    expect(measureOf(['其他收仁'], ctx('final.income', true))).toBe('other');
  });

  it('takes a rule’s word with its optional part spelt out, misread by a character (一舫公共预算, 事业单位经菊支出, 财政专庭管理资金)', () => {
    expect(measureOf(['本年收入', '一舫公共预算'], ctx('budget.income', true))).toBe('gpb');
    expect(measureOf(['本年收入', '般公共预算'], ctx('budget.income', true))).toBe('gpb');
    expect(measureOf(['事业单位经菊支出'], ctx('budget.expenditure', true))).toBe('operating');
    expect(measureOf(['本年收入', '财政专庭管理资金'], ctx('budget.income', true))).toBe('fiscal_special_account');
    // 国有资本经营预算拨款收入 read 国有责本…: the fund's full name, 拨款收入 beside it filler
    expect(measureOf(['国有责本经营预算拨款收入'], ctx('budget.income', true))).toBe('soe_capital');
    expect(measureOf(['政府性基全预算拨款收入'], ctx('budget.income', true))).toBe('gov_fund');
  });

  it('takes a short header one character off where the vocabulary varies that character among words of one measure', () => {
    // 决算数 read 欢算数 (决算数 and 预算数 are both the amount), 合计 read 映计 (合计 小计 总计 the total)
    expect(measureOf(['收入', '欢算数'], ctx('final.summary', true, 'income'))).toBe('amount');
    expect(measureOf(['映计'], ctx('final.gpb_expenditure', true))).toBe('total');
    // under 基本支出, 合计 and 小计 are its own measure but 总计 the table's: which it was, the header cannot tell
    expect(measureOf(['基本支出', '映计'], ctx('final.gpb_expenditure', true))).toBeNull();
    // a character the vocabulary never varies (计 of 合计 read 汁), and a text layer's header, name nothing
    expect(measureOf(['合汁'], ctx('final.gpb_expenditure', true))).toBeNull();
    expect(measureOf(['映计'], ctx('final.gpb_expenditure', false))).toBeNull();
    // a header read as a word of some vocabulary was read right: 总计 beside a vocabulary of 合计 and 小计 is no misread of them
    expect(measureOf(['总计'], ctx('budget.summary', true, 'expenditure'))).toBeNull();
    expect(measureOf(['映计'], ctx('budget.summary', true, 'expenditure'))).toBe('amount');
    // where the vocabulary gives 合计 and 小计 different measures, one character off both is either
    expect(measureOf(['映计'], ctx('budget.procurement', true))).toBeNull();
  });

  it('names a procurement table’s fund columns as the income table names them, its 合计 the one amount', () => {
    const procurement = ctx('budget.procurement', false);
    expect(measureOf(['合计'], procurement)).toBe('amount');
    expect(measureOf(['财政拨款', '一般公共预算'], procurement)).toBe('gpb');
    expect(measureOf(['一般公共预算拨款收入'], procurement)).toBe('gpb');
    expect(measureOf(['财政专户管理资金收入'], procurement)).toBe('fiscal_special_account');
    expect(measureOf(['单位资金'], procurement)).toBe('unit_funds');
    // the text columns of the table (采购品目, 采购组织形式) are context, never measures
    expect(measureOf(['采购品目'], procurement)).toBeNull();
  });

  it('names the fund of a 上年结转 column whose fund heading OCR misread by a character, as the text layer does', () => {
    expect(measureOf(['上年结转', '一般公共预算'], ctx('budget.income', false, 'income'))).toBe('carryover_gpb');
    expect(measureOf(['上年结转', '般公共预算'], ctx('budget.income', true, 'income'))).toBe('carryover_gpb');
    expect(measureOf(['上年结转', '财政专声管理资金'], ctx('budget.income', true, 'income'))).toBe('carryover_fiscal_special_account');
  });

  it('names the 小计 of the 三公 group and of 公务用车 by their depth where OCR garbled the group names', () => {
    // “三公”经费 read 一人“仪我, 公务用车购置及运行维护费 read 公务用3
    const grouped = (ocr: boolean): MeasureContext => ({ ...ctx('budget.three_public', ocr), threePublicGroup: true });
    expect(measureOf(['一人“仪我', '小计'], grouped(true))).toBe('budget.total');
    expect(measureOf(['一人“仪我', '公务用3', '小计'], grouped(true))).toBe('budget.vehicle_total');
    expect(measureOf(['合计'], grouped(true))).toBe('budget.grand_total');
    // printed text is taken as printed: a 小计 under no 三公 names nothing
    expect(measureOf(['一人“仪我', '小计'], grouped(false))).toBeNull();
  });

  it('leaves a 三公 column unknown whose own heading OCR misread, rather than give it the 三公 total above it', () => {
    // 因公出国(境)费 read 夕公兄国(境}费 over 预算数
    expect(measureOf(['财政拨款“三公”经费', '夕公兄国(境}费', '预算数'], ctx('final.three_public', true))).toBeNull();
    // 合计 read 仕计: a total word all the same
    expect(measureOf(['财政拨款“三公”经费', '仕计', '决算数'], ctx('final.three_public', true))).toBe('final.total');
    expect(measureOf(['财政拨款“三公”经费', '因公出国(境)费', '预算数'], ctx('final.three_public', true))).toBe('budget.overseas');
    // a text layer's heading is taken as printed
    expect(measureOf(['财政拨款“三公”经费', '夕公兄国(境}费', '预算数'], ctx('final.three_public', false))).toBe('budget.total');
    // a fund under the heading (深圳 prints each item by 一般公共预算 | 政府性基金预算 | …) is read right, not a misread heading
    expect(measureOf(['总计', '一般公共预算'], ctx('budget.three_public', true))).toBe('budget.total');
    expect(measureOf(['因公出国(境)赔', '政府性基金预算'], ctx('budget.three_public', true))).toBe('budget.overseas');
    expect(measureOf(['“三公”经费', '夕公兄国(境}费', '政府性基金预算'], ctx('budget.three_public', true))).toBeNull();
    // so is a 小计 under it (长春 prints 因公出国 as 小计 | 因公出国 | 科研因公出国): the item's subtotal, as the text layer has it
    expect(measureOf(['当年预算', '因公出国(境)费', '小计'], ctx('budget.three_public', true))).toBe('budget.overseas');
    expect(measureOf(['当年预算', '因公出国(境)费', '小计'], ctx('budget.three_public', false))).toBe('budget.overseas');
    // its stage word misread (预算数 read 3, dropped) in a table printing both stages: either stage, so unknown
    const both = (ocr: boolean): MeasureContext => ({ ...ctx('final.three_public', ocr), bothStages: true });
    expect(measureOf(['财政拨款“三公”经费', '合计', '3'], both(true))).toBeNull();
    expect(measureOf(['财政拨款“三公”经费', '合计', '决算数'], both(true))).toBe('final.total');
    expect(measureOf(['财政拨款“三公”经费', '合计'], both(false))).toBe('final.total');
  });

  it('names the research part printed beside 因公出国 on its own, not as the travel abroad it is part of', () => {
    const path = ['当年预算', '因公出国（境）费', '科研因公出国（境）费用'];
    expect(measureOf(path, ctx('budget.three_public', false))).toBe('budget.overseas_research');
    expect(measureOf(path.slice(0, 2), ctx('budget.three_public', false))).toBe('budget.overseas');
  });

  it('takes a 三公 heading a character off its full name (公务用车运行维护费 read 公务用车运才维护费)', () => {
    expect(measureOf(['“三公”经费', ':购置及运行维护费', '公务用车运才维护费'], ctx('budget.three_public', true))).toBe('budget.vehicle_operation');
    expect(measureOf(['“三公”经费', '公务用车购置及运行维护费', '公务用车购萱费'], ctx('budget.three_public', true))).toBe('budget.vehicle_purchase');
    // cut short past a word, it names nothing
    expect(measureOf(['“三公”经费', '公务用车购置及运行维护费', '公务用车伟'], ctx('budget.three_public', true))).toBeNull();
  });

  it('reads a 一 OCR took for dashes (--般公共预算)', () => {
    expect(measureOf(['财政拨款支出', '--般公共预算'], ctx('budget.fiscal_summary', true, 'expenditure'))).toBe('gpb');
  });

  it('gives the 决算 basic table’s amount only to a header that names an amount', () => {
    expect(measureOf(['决算数'], ctx('final.gpb_basic', false))).toBe('amount');
    // 经济分类科目编码 with 码 misread: a code column, no amount
    expect(measureOf(['经济分类科日编矽'], ctx('final.gpb_basic', true))).toBeNull();
  });
});

describe('columnId', () => {
  it('gives a header no vocabulary names one id whether printed or scanned (其中： read 其中:)', () => {
    expect(columnId(['其中:2026年政府采购(预留)'])).toBe(columnId(['其中：2026年政府采购（预留）']));
    expect(columnId(['本年收入', '小计'])).toBe('col:本年收入/小计');
  });
});
