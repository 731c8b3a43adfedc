const GENERAL: Array<[RegExp, string]> = [
  [/年初结转和结余|年初财政拨款结转/, 'opening'],
  [/年末结转和结余|年末财政拨款结转/, 'closing'],
  [/上年结转/, 'carryover'],
  [/年初预算/, 'budget_initial'],
  [/当年财政拨款|本年财政拨款/, 'current_year'],
  [/人员经费/, 'personnel'],
  [/公用经费/, 'public'],
  [/基本支出/, 'basic'],
  [/项目支出/, 'project'],
  [/上缴上级/, 'to_superior'],
  [/对附属单位补助/, 'affiliate_subsidy'],
  [/附属单位上缴/, 'affiliate'],
  [/上级补助/, 'superior_subsidy'],
  [/经营支出/, 'operating'],
  [/经营收入/, 'operating'],
  [/事业收入/, 'business'],
  [/其他收入/, 'other'],
  [/本年收入合计|本年支出合计/, 'total'],
  [/财政拨款/, 'fiscal'],
  [/一般公共(?:预算)?/, 'gpb'],
  [/政府性基金/, 'gov_fund'],
  [/国有资本/, 'soe_capital'],
  [/^本年收入$/, 'income'],
  [/^本年支出$/, 'total'],
  [/合计|小计|总计/, 'total'],
  [/决算数|预算数|金额|数额/, 'amount'],
];

const THREE_PUBLIC_ITEMS: Array<[RegExp, string]> = [
  [/机关运行/, 'agency_operation'],
  [/小计/, 'vehicle_total'],
  [/购置及运行|购置和运行/, 'vehicle_total'],
  [/购置/, 'vehicle_purchase'],
  [/运行/, 'vehicle_operation'],
  [/因公出国/, 'overseas'],
  [/接待/, 'reception'],
  [/合计|三公/, 'total'],
];

function firstMatch(parts: string[], rules: Array<[RegExp, string]>): string | null {
  for (let i = parts.length - 1; i >= 0; i--) {
    for (const [re, id] of rules) if (re.test(parts[i]!)) return id;
  }
  return null;
}

/**
 * Canonical measure of an amount column from its header path (header texts top to bottom);
 * the deepest header that means something decides.
 */
export function measureOf(path: string[], kind: string, side: 'income' | 'expenditure' | null): string | null {
  // 栏次 numbers under the headers name nothing
  const parts = path.map((p) => p.replace(/\s+|[“”"]/g, '')).filter((p) => p !== '' && !/^\d+$/.test(p));
  const joined = parts.join('|');
  if (parts.length > 0 && parts.every((p) => /^(行次|栏次)$/.test(p) || /^(项目|收入|支出)$/.test(p)) && /行次|栏次/.test(joined)) return null;
  if (kind.endsWith('.three_public')) {
    const item = firstMatch(parts, THREE_PUBLIC_ITEMS);
    if (item === 'agency_operation') return item;
    const stage = [...joined.matchAll(/预算|决算/g)].pop()?.[0];
    const prefix = stage === '决算' ? 'final' : 'budget';
    return item ? `${prefix}.${item}` : null;
  }
  if (kind.startsWith('final') && kind.endsWith('.gpb_basic')) return 'amount';
  if (side === 'income') return 'amount';
  if (side === 'expenditure' && kind.endsWith('.summary')) {
    const last = parts[parts.length - 1] ?? '';
    if (/人员经费/.test(last)) return 'personnel';
    if (/公用经费/.test(last)) return 'public';
    if (/项目支出/.test(last)) return 'project';
    return 'amount';
  }
  if (side === 'expenditure' && kind.endsWith('.fiscal_summary')) {
    const last = parts[parts.length - 1] ?? '';
    if (/一般公共/.test(last)) return 'gpb'; // (OCR may misread 预算)
    if (/政府性基金/.test(last)) return 'gov_fund';
    if (/国有资本/.test(last)) return 'soe_capital';
    return 'total';
  }
  return firstMatch(parts, GENERAL);
}
