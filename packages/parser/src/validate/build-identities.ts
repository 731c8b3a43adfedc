import type { AmountRecord } from '@juesuan/model';
import { HEADING_LEVELS } from '@juesuan/model';
import { subsets } from '../choices.ts';
import { groupBy } from '../group-by.ts';
import { ROW_IDENTITIES, rowIdentityApplies } from '../registry/row-identities.ts';
import { balancesAtLastTotal, isTwoSided, kindSpec } from '../registry/table-kinds.ts';
import { canonicalConfusable, canonicalPattern } from '../registry/ocr-confusions.ts';
import { cleanLabel, hasNumbering, isTotalLabel } from '../tables/labels.ts';
import type { Identity } from './identities.ts';
import { holds } from './identities.ts';


const isGrandTotal = (r: AmountRecord) => r.code === null && /^(合计|总计)$/.test(r.labelKey ?? '');

/** A code with no sub-item rows: printed twice (a slip, or two lines of one item), each row still adds to its parent. */
const isLeaf = (code: string, rows: AmountRecord[]) => !rows.some((r) => r.code !== null && r.code !== code && r.code.startsWith(code));

/** 类 = Σ款, 款 = Σ项, 合计 = Σ类, per table, panel and measure. */
function hierarchy(records: AmountRecord[]): Identity[] {
  const out: Identity[] = [];
  const groups = groupBy(records, (r) => `${r.tableIndex}|${r.panel ?? ''}|${r.side ?? ''}|${r.measure}`);
  for (const rows of groups.values()) {
    // a code printed on several rows (a table cross-classified by two code systems) has no one parent or child
    const seen = new Map<string, number>();
    for (const r of rows) if (r.code !== null) seen.set(r.code, (seen.get(r.code) ?? 0) + 1);
    const coded = rows.filter((r) => r.code !== null && seen.get(r.code) === 1);
    if (coded.length === 0) continue;
    const byCode = new Map(coded.map((r) => [r.code!, r] as const));
    const economic = kindSpec(rows[0]!.table)?.rows === 'economic' || coded.every((r) => r.code!.startsWith('3'));
    for (const parent of coded) {
      const len = parent.code!.length;
      const childLen = len === 3 ? 5 : len === 5 ? 7 : 0;
      if (!childLen) continue;
      // a 项 whose 款 row is not printed stands in for it under the 类
      const children = rows.filter(
        (r) =>
          r.code !== null &&
          r.code.startsWith(parent.code!) &&
          (seen.get(r.code) === 1 || isLeaf(r.code, rows)) &&
          (r.code.length === childLen || (len === 3 && r.code.length === 7 && !byCode.has(r.code.slice(0, 5)))),
      );
      // absent children are blank cells (zero); a parent with no child rows at all is not broken down
      const anyChildRow = children.length > 0;
      if (!anyChildRow || children.length === 0) continue;
      out.push({
        rule: economic ? 'hierarchy.economic' : 'hierarchy.functional',
        target: parent,
        summands: children,
        descriptionZh: `${parent.code} ${parent.label ?? ''} 应等于其下级科目之和`,
        descriptionEn: `${parent.code} should equal the sum of its sub-items`,
      });
    }
    const total = rows.find(isGrandTotal);
    const classes = coded.filter((r) => r.code!.length === 3 && byCode.get(r.code!) === r);
    const crossClassified = [...seen.values()].some((n) => n > 1);
    if (total && classes.length > 0 && !crossClassified) {
      out.push({ rule: 'hierarchy.total', target: total, summands: classes, descriptionZh: '合计应等于各类之和', descriptionEn: 'the total should equal the sum of the 类 rows' });
    }
  }
  return out;
}

/** Row identities: total = Σ its parts within one row, as the kind's registry entry lists them. */
function rowIdentities(records: AmountRecord[]): Identity[] {
  const out: Identity[] = [];
  for (const row of groupBy(records, (r) => `${r.tableIndex}|${r.row}|${r.side ?? ''}|${r.panel ?? ''}`).values()) {
    const by = new Map(row.map((r) => [r.measure, r] as const));
    const ids = kindSpec(row[0]!.table)?.rowIdentities ?? [];
    for (const spec of ROW_IDENTITIES.filter((r) => ids.includes(r.id))) {
      for (const stage of spec.target.includes('{stage}') ? ['budget', 'final'] : ['']) {
        const m = (id: string) => by.get(id.replace('{stage}', stage));
        const target = m(spec.target);
        const summands = spec.parts.map(m).filter((r): r is AmountRecord => r !== undefined);
        if (!rowIdentityApplies(spec, by)) continue;
        if (target && summands.length > 0) out.push({ rule: spec.id, target, summands, descriptionZh: spec.descriptionZh, descriptionEn: spec.descriptionEn });
      }
    }
  }
  return out;
}

/** An item that totals the items printed after it (一、本年支出 over 一、… 四、) heads them; it is not one of them. */
function withoutHeadingRows(items: AmountRecord[]): AmountRecord[] {
  const heading = items.findIndex((it, i) => {
    const rest = items.slice(i + 1);
    return rest.length >= 2 && holds({ rule: '', target: it, summands: rest, descriptionZh: '', descriptionEn: '' });
  });
  return heading < 0 ? items : items.filter((_, i) => i !== heading);
}

/**
 * Where a side's year total and grand total stand: 本年合计 and 总计; or, with no 总计, a top-level
 * 小计 over the 合计 (当年收入小计 … 收入合计, carry-overs between). -1 for none.
 */
function yearAndGrandTotals(rows: AmountRecord[]): { subtotalIdx: number; grandIdx: number } {
  const ends = (re: RegExp) => rows.findIndex((r) => re.test(r.labelKey ?? ''));
  const total = ends(/合计$/);
  const grand = ends(/总计$/);
  if (grand >= 0) return { subtotalIdx: total, grandIdx: grand };
  const year = rows.findIndex((r) => /小计$/.test(r.labelKey ?? '') && r.parentLabel === null);
  return year >= 0 && year < total ? { subtotalIdx: year, grandIdx: total } : { subtotalIdx: total, grandIdx: -1 };
}

/** Item numbering of the top level: 一、 over （一） and 1. */
const TOP_LEVEL_NUMBERING = new RegExp(`^(?:${HEADING_LEVELS.find((h) => h.level === 2)!.numbering})`);

/**
 * A row of one group of a two-group summary (类 rows, or purposes: 基本支出, 项目支出 …) read by OCR
 * with no numbering that no sub-item's mark (1. （一） 其中) or total word explains: OCR lost its
 * top-level numbering (一、一般 read 一舫, 二、 dropped), and the row is still one of the items.
 */
function numberingLost(r: AmountRecord, ocrTables: ReadonlySet<number>): boolean {
  const label = cleanLabel(r.label ?? '');
  const grouped = r.group !== null && ocrTables.has(r.tableIndex);
  return grouped && label.length >= 2 && !hasNumbering(label) && !/^[\d（(]|^其中/.test(label) && !isTotalLabel(label);
}

/** Rows left out of a side's items among which misnumbered items are sought (2^n sets are tried). */
const MISNUMBERED_AMONG_AT_MOST = 6;

/**
 * A side's items as OCR read them, with the top-level items whose numbering it misread: 十八、 read
 * 1八、, 三、 read 2、 or 7, 九、 read 儿、, each then taken for a sub-item or no item at all. Among
 * the rows of the group left out (none under a parent, none a total), the one set that makes the
 * broken sum hold joins the items; a sub-item would count its parent twice, so it does not fit.
 * None, or two sets: the items stay as read.
 */
function withMisnumberedItems(target: AmountRecord, items: AmountRecord[], above: AmountRecord[]): AmountRecord[] {
  const sum = (rows: AmountRecord[]): Identity => ({ rule: '', target, summands: rows, descriptionZh: '', descriptionEn: '' });
  if (holds(sum(items))) return items;
  const group = items[0]?.group ?? null;
  const leftOut = above.filter((r) => !items.includes(r) && r.group === group && r.parentLabel === null && !isTotalLabel(cleanLabel(r.label ?? '')));
  if (leftOut.length === 0 || leftOut.length > MISNUMBERED_AMONG_AT_MOST) return items;
  const fitting = subsets(leftOut).filter((added) => holds(sum([...items, ...added])));
  return fitting.length === 1 ? [...items, ...fitting[0]!].sort((a, b) => a.row - b.row) : items;
}

/**
 * A side that numbers no item and prints one row above its total: that row is its whole (一、一般公共预算
 * read 一舫公共颂算, its numbering lost), unless it is a total or a 其中.
 */
function onlyRow(above: AmountRecord[]): AmountRecord[] {
  const label = cleanLabel(above[0]?.label ?? '');
  return above.length === 1 && above[0]!.parentLabel === null && !isTotalLabel(label) && !SUB_ITEM.test(label) ? above : [];
}

/** A numbered sub-item's mark: 1. 2. under a top-level item. */
const NUMBERED_SUB_ITEM = new RegExp(`^(?:${HEADING_LEVELS.find((h) => h.level === 4)!.numbering})`);
/** The number of a numbered sub-item (2 of 2.政府性基金), or null for any other row. */
function subItemNumber(r: AmountRecord): number | null {
  const mark = NUMBERED_SUB_ITEM.exec(cleanLabel(r.label ?? ''));
  return mark ? Number.parseInt(mark[0], 10) : null;
}

/**
 * A side's top-level item is the sum of the numbered sub-items printed under it (一、财政拨款 over
 * 1.一般公共预算 2.政府性基金): from a 1. right after it, those whose numbers rise (a blank one is
 * nought), up to the next row that is none, or a 1. that opens the next item's (that item printed
 * blank). A first one numbered past 1 may be an item OCR misread (三、 read 2、): no sum.
 */
function subItemSums(rows: AmountRecord[]): Identity[] {
  const out: Identity[] = [];
  rows.forEach((r, i) => {
    if (!TOP_LEVEL_NUMBERING.test(cleanLabel(r.label ?? ''))) return;
    const subs: AmountRecord[] = [];
    for (const s of rows.slice(i + 1)) {
      const n = subItemNumber(s);
      if (n === null || (subs.length === 0 ? n !== 1 : n <= subItemNumber(subs.at(-1)!)!)) break;
      subs.push(s);
    }
    if (subs.length > 0) out.push({ rule: 'two_sided.sub_items', target: r, summands: subs, descriptionZh: `${r.label}应等于其下各分项之和`, descriptionEn: `${r.labelKey} should equal its numbered sub-items` });
  });
  return out;
}

/** Two-sided tables: 本年合计 = Σ items above it, 总计 = 合计 + carry-over lines, income 总计 = expenditure 总计. */
function twoSided(records: AmountRecord[], ocrTables: ReadonlySet<number>): Identity[] {
  const out: Identity[] = [];
  for (const table of groupBy(records.filter((r) => isTwoSided(r.table)), (r) => `${r.tableIndex}|${r.measure}`).values()) {
    const totals: Record<string, AmountRecord | undefined> = {};
    for (const side of ['income', 'expenditure'] as const) {
      const rows = table.filter((r) => r.side === side).sort((a, b) => a.row - b.row);
      const { subtotalIdx, grandIdx } = yearAndGrandTotals(rows);
      const subtotal = rows[subtotalIdx];
      const grand = rows[grandIdx];
      totals[side] = grand ?? (balancesAtLastTotal(table[0]!.table) ? subtotal : undefined);
      // without a 本年合计 row (budgets print 收入总计 straight after the items) the items add up to the 总计
      const itemsTarget = subtotal ?? (grand && rows.slice(0, grandIdx).every((r) => hasNumbering(r.label ?? '')) ? grand : undefined);
      const itemsEnd = subtotal ? subtotalIdx : grandIdx;
      if (itemsTarget) {
        const above = rows.slice(0, itemsEnd);
        // a group that numbers sub-items too ((一) under 一、) leaves a lost numbering's level unknown
        const deeper = new Set(above.filter((r) => hasNumbering(r.label ?? '') && !TOP_LEVEL_NUMBERING.test(cleanLabel(r.label ?? ''))).map((r) => r.group));
        const lost = (r: AmountRecord) => numberingLost(r, ocrTables) && !deeper.has(r.group);
        const numbered = above.filter((r) => (hasNumbering(r.label ?? '') || lost(r)) && r.parentLabel === null && !/^\d/.test(r.label ?? ''));
        // items are the top level printed: 一、 over （一）
        const topLevel = (r: AmountRecord) => TOP_LEVEL_NUMBERING.test(r.label ?? '') || lost(r);
        const items = numbered.length > 0 ? withoutHeadingRows(numbered.some(topLevel) ? numbered.filter(topLevel) : numbered) : onlyRow(above);
        // a two-group summary lists the expenditure twice: each group adds up to the subtotal
        for (const group of groupBy(items, (r) => r.group ?? '').values()) {
          const summands = ocrTables.has(itemsTarget.tableIndex) ? withMisnumberedItems(itemsTarget, group, above) : group;
          out.push({ rule: 'two_sided.subtotal', target: itemsTarget, summands, descriptionZh: `${itemsTarget.label}应等于其上各项之和`, descriptionEn: `${itemsTarget.labelKey} should equal the items above it` });
        }
      }
      // a two-group summary's groups stand side by side: each group's rows apart
      for (const group of groupBy(rows, (r) => r.group ?? '').values()) out.push(...subItemSums(group));
      if (subtotal && grand && grandIdx > subtotalIdx) {
        const carry = rows.slice(subtotalIdx + 1, grandIdx).filter((r) => r.parentLabel === null);
        out.push({ rule: 'two_sided.grand_total', target: grand, summands: [subtotal, ...carry], descriptionZh: '总计应等于本年合计加结转结余', descriptionEn: 'grand total should equal the year total plus carry-overs' });
      }
    }
    if (totals.income && totals.expenditure && table[0]!.measure === 'amount') {
      out.push({ rule: 'two_sided.balance', target: totals.income, summands: [totals.expenditure], descriptionZh: '收入总计应等于支出总计', descriptionEn: 'income grand total should equal expenditure grand total' });
    }
  }
  return out;
}

function findTotal(records: AmountRecord[], kind: string, measure: string, side: 'income' | 'expenditure' | null = null): AmountRecord | undefined {
  return records.find((r) => r.table === kind && r.measure === measure && r.side === side && r.code === null && /^(合计|总计|本年支出合计|本年收入合计)$/.test(r.labelKey ?? ''));
}

const PERSONNEL_TOTAL = /^人员经费合计$/;
const PUBLIC_TOTAL = /^公用经费合计$/;

/** Whether a row's label is this one: as printed, or, in a table OCR read, through the look-alikes (公用绅费合计). */
function labelIs(r: AmountRecord, label: RegExp, ocrTables: ReadonlySet<number>): boolean {
  const key = r.labelKey ?? '';
  return label.test(key) || (ocrTables.has(r.tableIndex) && canonicalPattern(label).test(canonicalConfusable(key)));
}

const SPENT_TOTAL = /^(本年)?支出合计$/;

/** Adds an identity a = b when both figures were found. */
type Link = (rule: string, a: AmountRecord | undefined, b: AmountRecord | undefined, zh: string, en: string) => void;

/**
 * A budget's 财政拨款收支总表 spends what its 财政拨款支出表 lists: its 支出合计 is that table's 合计,
 * in the measure both print (the five `regions` sets that print both agree; a 决算's is unchecked).
 */
function fiscalTotals(records: AmountRecord[], ocrTables: ReadonlySet<number>, link: Link): void {
  for (const measure of ['amount', 'total']) {
    const spent = records.find((r) => r.table === 'budget.fiscal_summary' && r.side === 'expenditure' && r.measure === measure && r.code === null && labelIs(r, SPENT_TOTAL, ocrTables));
    link('across.fiscal_total', spent, findTotal(records, 'budget.fiscal_expenditure', measure), '财政拨款收支总表的支出合计应等于财政拨款支出表合计', 'fiscal summary expenditure total should equal the fiscal expenditure table total');
  }
}

/** Figures that two tables of one document must share. */
function acrossTables(records: AmountRecord[], ocrTables: ReadonlySet<number>): Identity[] {
  const out: Identity[] = [];
  const family = records.some((r) => r.table.startsWith('final.')) ? 'final' : 'budget';
  const link: Link = (rule, a, b, zh, en) => {
    if (a && b) out.push({ rule, target: a, summands: [b], descriptionZh: zh, descriptionEn: en });
  };
  // a budget's income table totals either this year's income (本年收入合计) or, in templates whose
  // summary lists some of its columns (上级补助收入, 上年结转) below that line, the 收入总计
  const summaryRow = (side: 'income' | 'expenditure', word: string) => {
    const year = records.find((r) => r.table === `${family}.summary` && r.side === side && r.measure === 'amount' && new RegExp(`^(本年)?${word}合计$`).test(r.labelKey ?? ''));
    const grand = family === 'budget' ? records.find((r) => r.table === 'budget.summary' && r.side === side && r.measure === 'amount' && new RegExp(`^${word}总计$`).test(r.labelKey ?? '')) : undefined;
    const tableTotal = findTotal(records, `${family}.${side}`, 'total');
    return grand && (!year || (tableTotal && grand.amountFen === tableTotal.amountFen)) ? grand : year;
  };
  const summaryIncome = summaryRow('income', '收入');
  const summaryExp = summaryRow('expenditure', '支出');
  link('across.summary_income', summaryIncome, findTotal(records, `${family}.income`, 'total'), '收支总表的本年收入合计应等于收入表合计', 'summary income total should equal the income table total');
  link('across.summary_expenditure', summaryExp, findTotal(records, `${family}.expenditure`, 'total'), '收支总表的本年支出合计应等于支出表合计', 'summary expenditure total should equal the expenditure table total');
  const fiscalGpb = records.find((r) => r.table === `${family}.fiscal_summary` && r.side === 'expenditure' && r.measure === 'gpb' && /合计$/.test(r.labelKey ?? ''));
  link('across.fiscal_gpb', fiscalGpb, findTotal(records, `${family}.gpb_expenditure`, 'total'), '财政拨款总表的一般公共预算支出应等于一般公共预算支出表合计', 'fiscal summary gpb should equal the gpb expenditure total');
  if (family === 'budget') fiscalTotals(records, ocrTables, link);
  const gpbBasic = findTotal(records, `${family}.gpb_expenditure`, 'basic');
  if (family === 'final') {
    const personnel = records.find((r) => r.table === 'final.gpb_basic' && labelIs(r, PERSONNEL_TOTAL, ocrTables));
    const pub = records.find((r) => r.table === 'final.gpb_basic' && labelIs(r, PUBLIC_TOTAL, ocrTables));
    if (gpbBasic && personnel && pub) out.push({ rule: 'across.gpb_basic', target: gpbBasic, summands: [personnel, pub], descriptionZh: '基本支出表人员经费与公用经费合计应等于一般公共预算支出表基本支出', descriptionEn: 'personnel + public should equal the gpb expenditure basic total' });
  } else {
    link('across.gpb_basic', gpbBasic, findTotal(records, 'budget.gpb_basic', 'total'), '基本支出表合计应等于一般公共预算支出表基本支出', 'gpb basic total should equal the gpb expenditure basic total');
  }
  if (family === 'budget') {
    // a budget balances by function: every code's income total is its expenditure total, and so
    // is its general-budget total when all the money is general-budget money
    for (const r of records.filter((x) => x.table === 'budget.expenditure' && x.code && x.measure === 'total')) {
      const income = records.find((x) => x.table === 'budget.income' && x.code === r.code && x.measure === 'total');
      link('across.budget_rows', r, income, `支出总表中 ${r.code} 应等于收入总表中 ${r.code}`, `${r.code} in the expenditure table should equal ${r.code} in the income table`);
    }
    const incomeTotal = findTotal(records, 'budget.income', 'total');
    const gpbIncome = findTotal(records, 'budget.income', 'gpb') ?? findTotal(records, 'budget.income', 'fiscal');
    if (incomeTotal && gpbIncome && incomeTotal.amountFen === gpbIncome.amountFen) {
      for (const r of records.filter((x) => x.table === 'budget.gpb_expenditure' && x.code && x.measure === 'total')) {
        const exp = records.find((x) => x.table === 'budget.expenditure' && x.code === r.code && x.measure === 'total');
        link('across.budget_rows', r, exp, `一般公共预算支出表中 ${r.code} 应等于支出总表中 ${r.code}`, `${r.code} in the gpb expenditure table should equal ${r.code} in the expenditure table`);
      }
    }
  }
  out.push(...partRowsAgree(records, family));
  // 类 rows of the two-sided tables against the coded tables' 类 rows
  for (const [twoSidedKind, measure, codedKind] of [
    [`${family}.summary`, 'amount', `${family}.expenditure`],
    [`${family}.fiscal_summary`, 'total', `${family}.gpb_expenditure`],
  ] as const) {
    for (const r of records.filter((x) => x.table === twoSidedKind && x.side === 'expenditure' && x.measure === measure && x.classCode)) {
      // the fiscal summary's general-budget column is what the general-budget table prints; its total may hold fund money too
      const sameRow = records.filter((x) => x.tableIndex === r.tableIndex && x.row === r.row && x.side === 'expenditure');
      const funds = sameRow.some((x) => (x.measure === 'gov_fund' || x.measure === 'soe_capital') && x.amountFen !== 0);
      const gpb = sameRow.find((x) => x.measure === 'gpb');
      if (twoSidedKind.endsWith('fiscal_summary') && funds && !gpb) continue;
      const target = twoSidedKind.endsWith('fiscal_summary') && gpb ? gpb : r;
      const coded = records.find((x) => x.table === codedKind && x.code === r.classCode && x.measure === 'total');
      if (target !== r) {
        link('across.class_rows', target, coded, `${r.label}（一般公共预算）应等于${codedKind}中${r.classCode}类`, `${r.labelKey} (general budget) should equal class ${r.classCode} of ${codedKind}`);
        continue;
      }
      link('across.class_rows', r, coded, `${r.label}应等于${codedKind}中${r.classCode}类`, `${r.labelKey} should equal class ${r.classCode} of ${codedKind}`);
    }
  }
  return out;
}

/**
 * Tables whose every coded amount is part of the same code's amount in another table: the
 * 一般公共预算 basic table's of the 财政拨款 one's, the 机关运行经费 table's of the basic table's.
 */
// not the functional pair: a fax read 418.37 as 118.37 in both, and the link let a guess make 371.92 agree (671.92), unflagged
const PART_TABLES: ReadonlyArray<{ part: string; whole: string; zh: string }> = [
  { part: 'gpb_basic', whole: 'fiscal_basic', zh: '一般公共预算基本支出表中 {code} 应等于财政拨款基本支出表中 {code}' },
  { part: 'agency_operation', whole: 'gpb_basic', zh: '机关运行经费表中 {code} 应等于一般公共预算基本支出表中 {code}' },
];

/** A table's own total row, uncoded. */
const TABLE_TOTAL = /^(合计|总计)$/;

/**
 * Where a part table's total, or one of its 类, equals the whole table's, every code under it
 * equals the whole's too (no part exceeds its whole): each is linked to it.
 */
function partRowsAgree(records: AmountRecord[], family: string): Identity[] {
  const out: Identity[] = [];
  for (const { part, whole, zh } of PART_TABLES) {
    const partRows = records.filter((r) => r.table === `${family}.${part}`);
    const wholeRows = records.filter((r) => r.table === `${family}.${whole}`);
    const wholeOf = (r: AmountRecord) => {
      const same = wholeRows.filter((x) => x.code === r.code && (r.code !== null || TABLE_TOTAL.test(x.labelKey ?? '')));
      return same.find((x) => x.measure === r.measure) ?? (r.measure === 'amount' ? same.find((x) => x.measure === 'total') : undefined);
    };
    const agreeing = partRows.filter((r) => (r.code === null ? TABLE_TOTAL.test(r.labelKey ?? '') : r.code.length === 3) && wholeOf(r)?.amountFen === r.amountFen);
    for (const r of partRows.filter((x) => x.code && x.code.length > 3 && agreeing.some((a) => a.measure === x.measure && (a.code === null || x.code!.startsWith(a.code))))) {
      const w = wholeOf(r);
      if (w) out.push({ rule: 'across.part_rows', target: r, summands: [w], descriptionZh: zh.replaceAll('{code}', r.code!), descriptionEn: `${r.code} in the ${part} table should equal ${r.code} in the ${whole} table`, exact: true });
    }
  }
  return out;
}

/** A group's own total row: 小计 (合计 in some), printed in the group it totals. */
const GROUP_SUBTOTAL = /^(小计|合计)$/;
/** A sub-item restates part of the row above it: 其中：… adds to nothing. */
const SUB_ITEM = /^其中/;

/**
 * Rows under merged group cells (income by source: 一般公共预算资金 → 小计, 公共财政拨款 …): a group's
 * 小计 = Σ its other rows, and the 总计 above the groups = Σ their 小计 when every group prints one.
 */
function groupSubtotals(records: AmountRecord[]): Identity[] {
  const out: Identity[] = [];
  const grouped = records.filter((r) => !isTwoSided(r.table));
  for (const rows of groupBy(grouped, (r) => `${r.tableIndex}|${r.panel ?? ''}|${r.side ?? ''}|${r.measure}`).values()) {
    const groups = groupBy(rows.filter((r) => r.parentLabel !== null), (r) => r.parentLabel!);
    const subtotals: AmountRecord[] = [];
    for (const members of groups.values()) {
      const own = members.filter((r) => GROUP_SUBTOTAL.test(cleanLabel(r.label ?? '')));
      if (own.length !== 1) continue;
      subtotals.push(own[0]!);
      const parts = members.filter((r) => r !== own[0] && !SUB_ITEM.test(cleanLabel(r.label ?? '')));
      if (parts.length > 0) out.push({ rule: 'groups.subtotal', target: own[0]!, summands: parts, descriptionZh: `${own[0]!.parentLabel}小计应等于其各行之和`, descriptionEn: `the ${own[0]!.parentLabel} subtotal should equal the sum of its rows` });
    }
    const total = rows.find((r) => r.parentLabel === null && r.code === null && isTotalLabel(r.label ?? ''));
    if (total && subtotals.length > 0 && subtotals.length === groups.size) {
      out.push({ rule: 'groups.total', target: total, summands: subtotals, descriptionZh: `${total.label}应等于各组小计之和`, descriptionEn: `${total.labelKey} should equal the sum of the groups' subtotals` });
    }
  }
  return out;
}

/** The levels of a procurement table's lines, top down; a line adds to the nearest line above it of the level over it. */
const PROCUREMENT_LEVELS = ['total', 'category', 'econ_item', 'item'] as const;

/**
 * A procurement table's tree: 合计 = Σ 大类, a 大类 = Σ its 经济科目 lines (its items where it has
 * none), a 经济科目 line = Σ its items.
 */
function procurementTree(records: AmountRecord[]): Identity[] {
  const out: Identity[] = [];
  const lines = records.filter((r) => kindSpec(r.table)?.rows === 'procurement' && r.context?.level);
  for (const rows of groupBy(lines, (r) => `${r.tableIndex}|${r.measure}`).values()) {
    rows.sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || a.row - b.row);
    const depth = (r: AmountRecord) => PROCUREMENT_LEVELS.indexOf(r.context!.level as (typeof PROCUREMENT_LEVELS)[number]);
    // the lines under rows[i] down to the next line of its level or above, at one level: the first found below it
    const under = (i: number) => {
      const below: AmountRecord[] = [];
      for (let k = i + 1; k < rows.length && depth(rows[k]!) > depth(rows[i]!); k++) below.push(rows[k]!);
      const next = Math.min(...below.map(depth));
      return below.filter((r) => depth(r) === next);
    };
    rows.forEach((target, i) => {
      const summands = under(i);
      if (summands.length === 0) return;
      out.push({ rule: 'hierarchy.procurement', target, summands, descriptionZh: `${target.label ?? ''} 应等于其下各行之和`, descriptionEn: 'a procurement line should equal the sum of the lines under it' });
    });
  }
  return out;
}

/** Every identity the records should satisfy; `ocrTables` are the tables read from page images, whose labels may have lost their numbering. */
export function buildIdentities(records: AmountRecord[], ocrTables: ReadonlySet<number> = new Set()): Identity[] {
  return [...hierarchy(records), ...procurementTree(records), ...groupSubtotals(records), ...rowIdentities(records), ...twoSided(records, ocrTables), ...acrossTables(records, ocrTables)];
}
