/**
 * Text columns that give amounts their context instead of a name (政府采购预算表): header → field.
 * The order is the hierarchy: a field is carried down to the rows below it until its column
 * prints again.
 */
export const PROCUREMENT_CONTEXT: ReadonlyArray<readonly [RegExp, string]> = [
  [/采购品目|品目大类|采购类别/, 'category'],
  [/专项名称|项目名称/, 'special_item'],
  [/经济科目|经济分类/, 'econ_item'],
  [/采购物品|采购品名|采购项目|品目名称/, 'item'],
  [/组织形式|采购方式/, 'method'],
];

/** The context headers only a procurement table prints (专项名称 and 经济科目 head other tables too). */
export const PROCUREMENT_HEADER_SIGNS: RegExp[] = PROCUREMENT_CONTEXT.filter(([, field]) => ['category', 'item', 'method'].includes(field)).map(([re]) => re);

/** Columns of remarks beside the amounts (绩效目标, 备注, 说明): never the row's name, whatever their text. */
export const REMARK_COLUMN = /^(绩效目标|项目绩效目标|备注|说明)$/;

/** Columns of ratios beside the amounts (增减(%), 增长率, 占比): no money, whatever their digits (OCR reads -60.86% as -60.86). */
export const RATIO_COLUMN = /[%％‰]|百分比|增长率|增幅|比率|占比|比重/;
