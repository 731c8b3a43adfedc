import type { AmountRecord, ExtractedDocument, Fact, Finding, LineItem, ParsedDocument, ParsedTable } from '@juesuan/model';
import { ParsedDocument as ParsedDocumentSchema } from '@juesuan/model';
import type { Catalog } from './catalog/catalog.ts';
import { CATALOG_VERSION, loadCatalog, normalizeName } from './catalog/catalog.ts';
import { auditDocument, catalogue } from './audit/audit-document.ts';
import { readDocumentMeta } from './meta/document-meta.ts';
import type { NarrativeItem } from './narrative/narrative-facts.ts';
import { extractNarrativeFacts } from './narrative/narrative-facts.ts';
import { extractPerformanceFacts } from './narrative/performance-facts.ts';
import { isTwoSided, kindSpec } from './registry/table-kinds.ts';
import { classifyTable, codeFamily, rowCodesOf } from './tables/classify-table.ts';
import type { Classification } from './tables/classify-table.ts';
import { parseTable } from './tables/parse-table.ts';
import { checkOcrLabels } from './tables/ocr-labels.ts';
import { restoreNumberingByOrder } from './tables/ocr-numbering.ts';
import { mendCodeLengths, mendCodesByOrder } from './tables/ocr-code-order.ts';
import { withTocReading } from './tables/kind-from-toc.ts';
import { numberedTocTitles } from './toc/toc-entries.ts';
import { nameTotalsBySum } from './tables/ocr-row-totals.ts';
import { mendCodesByTwins } from './tables/ocr-code-twins.ts';
import { buildIdentities } from './validate/build-identities.ts';
import { validateRecords } from './validate/validate.ts';
import { repairOcrByIdentity } from './validate/repair-by-identity.ts';
import { ocrRoundingFindings } from './validate/ocr-rounding.ts';
import { PARSER_VERSION } from './version.ts';

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The 3-digit code of a 类 row named in a two-sided table, from the document's own coded rows. */
function deriveClassCodes(records: AmountRecord[], classNames: Map<string, string>): void {
  for (const r of records) {
    if (!isTwoSided(r.table) || r.side !== 'expenditure' || !r.label) continue;
    const code = classNames.get(normalizeName(r.label));
    if (code) r.classCode = code;
  }
}

/**
 * Resolves a narrative (类)(款)(项) item to a code, level by level under the parent found: the
 * document's own coded rows first, then the catalog by name, alias, then fuzzy name.
 */
function resolveItem(item: NarrativeItem, names: Map<string, string[]>, catalog: Catalog): { code: string; level: number } | null {
  const pick = (name: string, level: number, parent: string | null): string | null => {
    const own = (names.get(normalizeName(name)) ?? []).filter((c) => c.length === [3, 5, 7][level - 1] && (parent === null || c.startsWith(parent)));
    if (own.length > 0) return own[0]!;
    const m = catalog.matchName(name, { parent: parent ?? undefined, level, minScore: 0.6 });
    if (m && !m.tie) return m.entry.code;
    // the 类 is often named without its 支出: 社会保障和就业(类)
    if (level === 1) return catalog.matchName(`${name}支出`, { level, minScore: 0.6 })?.entry.code ?? null;
    return null;
  };
  const cls = pick(item.className, 1, null);
  const sec = cls ? pick(item.sectionName, 2, cls) : null;
  const leaf = sec ? pick(item.itemName, 3, sec) : null;
  return leaf ? { code: leaf, level: 3 } : sec ? { code: sec, level: 2 } : null;
}

/**
 * A narrative that names a 项 differently from its table (机关事业单位退休人员活动费支出 for
 * 2080599) is matched by amount: the one row under the 类 whose total equals the stated figure.
 */
function resolveItemByAmount(item: NarrativeItem, names: Map<string, string[]>, records: AmountRecord[], catalog: Catalog): string | null {
  if (item.amountFen === null) return null;
  const cls = (names.get(normalizeName(item.className)) ?? []).find((c) => c.length === 3) ?? catalog.matchName(item.className, { level: 1, minScore: 0.6 })?.entry.code;
  if (!cls) return null;
  const candidates = new Set(records.filter((r) => r.code?.length === 7 && r.code.startsWith(cls) && Math.abs(r.amountFen - item.amountFen!) <= 10_000).map((r) => r.code!));
  return candidates.size === 1 ? [...candidates][0]! : null;
}

function partialItemFinding(item: NarrativeItem, sectionCode: string): Finding {
  return {
    rule: 'narrative.item_code_partial',
    severity: 'info',
    messageZh: `情况说明中 ${item.label} 的项「${item.itemName}」不在本文件的表中，也不在科目目录中；记录的科目为其款 ${sectionCode}`,
    messageEn: `the 项 "${item.itemName}" of the narrative item ${item.label} is in neither the document's tables nor the catalog; the record carries its 款 code ${sectionCode}`,
    cells: [],
    suggestion: null,
  };
}

/** A table whose kind is uncertain: the candidates weighed, so a person can decide. */
function uncertainKindFinding(tableIndex: number, title: string | null, cls: Classification): Finding {
  const list = cls.candidates.map((c) => `${c.kind} (${c.confidence})`).join(', ');
  return {
    rule: 'table.kind_uncertain',
    severity: 'warning',
    messageZh: `表 ${tableIndex}「${title ?? ''}」的类别不确定，记为 ${cls.kind}；候选：${list}；依据：${cls.evidence.join('；')}`,
    messageEn: `table ${tableIndex} "${title ?? ''}": kind uncertain, recorded as ${cls.kind}; candidates ${list}; evidence: ${cls.evidence.join('; ')}`,
    cells: [],
    suggestion: null,
  };
}

/** Where each restated figure must stand: the tables (by kind suffix) that print it. */
const RESTATED: Record<string, { table: RegExp; measure: RegExp }> = {
  total_income_expenditure: { table: /\.(summary|fiscal_summary)$/, measure: /./ },
  income_total: { table: /\.(summary|income)$/, measure: /./ },
  expenditure_total: { table: /\.(summary|expenditure)$/, measure: /./ },
  fiscal_income: { table: /\.(summary|income|fiscal_summary)$/, measure: /./ },
  basic_expenditure: { table: /\.(expenditure|gpb_expenditure|summary)$/, measure: /./ },
  project_expenditure: { table: /\.(expenditure|gpb_expenditure|summary)$/, measure: /./ },
  agency_operation: { table: /\.three_public$/, measure: /^agency_operation$/ },
  three_public_budget: { table: /\.three_public$/, measure: /^budget\./ },
  three_public_final: { table: /\.three_public$/, measure: /^final\./ },
  three_public_overseas_final: { table: /\.three_public$/, measure: /^final\.overseas$/ },
  three_public_vehicle_final: { table: /\.three_public$/, measure: /^final\.vehicle_total$/ },
  three_public_reception_final: { table: /\.three_public$/, measure: /^final\.reception$/ },
};

/**
 * Figures the 情况说明 restates must stand in the tables: an item (类)(款)(项) against its code's
 * row, a total anywhere among the standard tables' cells (to 0.01 of the stated unit).
 */
export function narrativeChecks(records: AmountRecord[], facts: Fact[], family: string): Finding[] {
  const findings: Finding[] = [];
  const near = (fen: number, unit: string | null, among: AmountRecord[]) => {
    const tol = unit === '万元' ? 10_000 : 1;
    return among.some((r) => Math.abs(r.amountFen - fen) <= tol);
  };
  let checked = 0;
  let agreed = 0;
  for (const f of facts) {
    if (f.amountFen === null) continue;
    if (f.name === 'item_amount' && f.code) {
      // any measure of the code's rows: a narrative may restate the current-year part only
      const row = records.filter((r) => r.code === f.code && r.table.startsWith(family));
      if (row.length === 0) continue;
      checked++;
      if (row.some((r) => Math.abs(r.amountFen - f.amountFen!) <= 10_000)) {
        agreed++;
        continue;
      }
      const r = row[0]!;
      findings.push({
        rule: 'narrative.item',
        severity: 'warning',
        messageZh: `情况说明中 ${f.label} 为 ${f.printed}${f.unit}，表中 ${r.code} 为 ${r.printed}`,
        messageEn: `the narrative gives ${f.printed} ${f.unit} for ${f.code}, the table prints ${r.printed}`,
        cells: row.map((x) => ({ tableIndex: x.tableIndex, page: x.page, bbox: x.bbox, printed: x.printed })),
        suggestion: null,
      });
      continue;
    }
    const where = RESTATED[f.name];
    if (!where) continue;
    const among = records.filter((r) => r.table.startsWith(family) && where.table.test(r.table) && where.measure.test(r.measure));
    if (among.length === 0) continue; // the report prints no table to hold it
    checked++;
    if (near(f.amountFen, f.unit, among)) {
      agreed++;
      continue;
    }
    findings.push({
      rule: 'narrative.restated',
      severity: 'warning',
      messageZh: `情况说明所述 ${f.printed}${f.unit}（${f.name}）在表中找不到：「${f.sentence.slice(0, 60)}」`,
      messageEn: `the narrative states ${f.printed} ${f.unit} (${f.name}), which no table cell holds`,
      cells: [],
      suggestion: null,
    });
  }
  if (checked > 0) {
    findings.push({
      rule: 'narrative.summary',
      severity: 'info',
      messageZh: `情况说明中 ${checked} 个数字与表格核对，${agreed} 个一致`,
      messageEn: `${checked} figures of the narrative checked against the tables, ${agreed} agree`,
      cells: [],
      suggestion: null,
    });
  }
  return findings;
}

/** ExtractedDocument → canonical tables, records, narrative facts and validation findings. */
export function parseDocument(doc: ExtractedDocument): ParsedDocument {
  const { meta, findings: metaFindings } = readDocumentMeta(doc);
  const functional = loadCatalog('functional', meta.fiscalYear);
  const economic = loadCatalog('economic', meta.fiscalYear);
  const defaultUnit = mostCommon(doc.tables.map((t) => t.meta.unit).filter((u): u is string => u !== null));
  const tables: ParsedTable[] = [];
  const records: AmountRecord[] = [];
  const lineItems: LineItem[] = [];
  const tableFindings: Finding[] = [];
  const toc = numberedTocTitles(doc);
  for (const table of doc.tables) {
    const headerText = table.cells.filter((c) => c.row < Math.max(1, table.headerRows)).map((c) => c.text).join('|');
    const rowCodes = rowCodesOf(table);
    const evidence = { headerText, docKind: meta.kind, panels: table.panels.length, rowCodes, ocr: table.cells.some((c) => c.source === 'ocr') };
    const read = classifyTable({ ...evidence, title: table.meta.title });
    const cls = evidence.ocr ? withTocReading(read, table.meta.title, toc, (title) => classifyTable({ ...evidence, title })) : read;
    const kind = cls.kind;
    if (cls.candidates.length > 0) tableFindings.push(uncertainKindFinding(table.index, table.meta.title, cls));
    // a unit printed in the header ("决算数（万元）") when no unit line stands near the title
    const headerUnit = /(?:单位\s*[:：;；]?\s*|[（(])(万元|亿元|千元|元)[）)]?/.exec(headerText)?.[1] ?? null;
    const printedUnit = table.meta.unit ?? headerUnit;
    const unit = printedUnit ?? defaultUnit ?? (meta.kind === 'budget' ? '元' : '万元');
    const parsed = kind === 'other' || kindSpec(kind)?.parse === false ? { records: [], lineItems: [], measures: [], findings: [] } : parseTable(table, table.index, { kind, unit, unitAssumed: printedUnit === null, functional, economic, rowCodes: codeFamily(rowCodes) });
    records.push(...parsed.records);
    lineItems.push(...parsed.lineItems);
    tableFindings.push(...parsed.findings);
    tables.push({ index: table.index, kind, kindConfidence: cls.confidence, kindEvidence: cls.evidence, title: table.meta.title, number: table.meta.number, pages: table.pages, unit, measures: parsed.measures, rows: table.nRows, cols: table.nCols, records: parsed.records.length });
  }
  const ocrTables = new Set(doc.tables.filter((t) => t.cells.some((c) => c.source === 'ocr')).map((t) => t.index));
  nameTotalsBySum(records, tables, ocrTables);
  const knownCode = (code: string) => (code.startsWith('3') ? economic : functional).get(code) !== undefined;
  mendCodeLengths(records, ocrTables, knownCode);
  mendCodesByOrder(records, ocrTables, knownCode);
  restoreNumberingByOrder(records, ocrTables);
  checkOcrLabels(records, ocrTables, { functional, economic });
  // a 款 its label mended (20803 named 行政事业单位离退休, 20805) leaves the 项 read under the wrong one unplaced: by order again
  mendCodesByOrder(records, ocrTables, knownCode);
  mendCodesByTwins(records, ocrTables, { functional, economic });
  repairOcrByIdentity(records, ocrTables);
  // names of the document's coded rows, for 类 rows of two-sided tables and narrative items
  const names = new Map<string, string[]>();
  for (const r of records) {
    if (!r.code || !r.label) continue;
    const n = normalizeName(r.label);
    const list = names.get(n) ?? [];
    if (!list.includes(r.code)) names.set(n, [...list, r.code]);
  }
  for (const e of functional.entries) {
    const n = normalizeName(e.name);
    const list = names.get(n) ?? [];
    if (!list.includes(e.code)) names.set(n, [...list, e.code]);
  }
  const classNames = new Map<string, string>();
  for (const [n, codes] of names) {
    const c = codes.find((x) => x.length === 3 && !x.startsWith('3'));
    if (c) classNames.set(n, c);
  }
  deriveClassCodes(records, classNames);

  const family = meta.kind === 'budget' ? 'budget' : 'final';
  const { facts, items } = extractNarrativeFacts(doc, family);
  const partial: Finding[] = [];
  for (const item of items) {
    const resolved = resolveItem(item, names, functional);
    item.code = resolved?.level === 3 ? resolved.code : (resolveItemByAmount(item, names, records, functional) ?? resolved?.code ?? null);
    // a 项 neither the document's tables nor the catalog know: kept under its 款, and said so
    if (resolved?.level === 2 && item.code === resolved.code) partial.push(partialItemFinding(item, resolved.code));
  }
  const performance = meta.kind === 'performance' || doc.tables.some((t) => /绩效/.test(t.meta.title ?? '')) ? extractPerformanceFacts(doc) : [];
  const allFacts: Fact[] = [...facts, ...performance, ...items.map(({ className: _c, sectionName: _s, itemName: _i, ...fact }) => fact)];
  const identities = buildIdentities(records, ocrTables);
  const checked = [...metaFindings, ...tableFindings, ...validateRecords(records, identities), ...ocrRoundingFindings(records, ocrTables, identities), ...narrativeChecks(records, allFacts, family), ...partial];
  const { findings, ledger } = auditDocument({ doc, meta, tables, records, facts: allFacts, findings: checked });
  return ParsedDocumentSchema.parse({
    parserVersion: PARSER_VERSION,
    catalogVersion: CATALOG_VERSION,
    meta,
    tables,
    lineItems,
    records,
    facts: allFacts,
    findings,
    ledger,
  });
}


/** Rules of the checks a split publication's narrative PDF gets against its tables PDF. */
export const PUBLICATION_RULES = ['narrative.item', 'narrative.restated', 'narrative.summary', 'publication.linked'];

/**
 * A narrative PDF checked against the tables PDF of the same publication (department, year,
 * kind): the figures it restates must stand in the other file's tables.
 */
export function checkPublication(narrative: { file: string; facts: Fact[] }, tables: { file: string; records: AmountRecord[] }, family: string): Finding[] {
  const linked: Finding = {
    rule: 'publication.linked',
    severity: 'info',
    messageZh: `${narrative.file} 与 ${tables.file} 为同一报告（部门、年度、类型相同）：情况说明按后者的表格核对`,
    messageEn: `${narrative.file} and ${tables.file} are one publication (same department, year and kind): the narrative is checked against the latter's tables`,
    cells: [],
    suggestion: null,
  };
  return catalogue([linked, ...narrativeChecks(tables.records, narrative.facts, family)]);
}
