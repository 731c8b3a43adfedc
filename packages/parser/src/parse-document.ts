import type { AmountRecord, ExtractedDocument, Fact, Finding, LineItem, ParsedDocument, ParsedTable } from '@juesuan/model';
import { ParsedDocument as ParsedDocumentSchema } from '@juesuan/model';
import type { Catalog } from './catalog/catalog.ts';
import { CATALOG_VERSION, loadCatalog, normalizeName } from './catalog/catalog.ts';
import { readDocumentMeta } from './meta/document-meta.ts';
import type { NarrativeItem } from './narrative/narrative-facts.ts';
import { extractNarrativeFacts } from './narrative/narrative-facts.ts';
import { extractPerformanceFacts } from './narrative/performance-facts.ts';
import { classifyTable, isTwoSided } from './tables/classify-table.ts';
import { labelKey } from './tables/labels.ts';
import { parseTable } from './tables/parse-table.ts';
import { validateRecords } from './validate/validate.ts';
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
function resolveItem(item: NarrativeItem, names: Map<string, string[]>, catalog: Catalog): string | null {
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
  return sec ? pick(item.itemName, 3, sec) : null;
}

function narrativeChecks(records: AmountRecord[], facts: Fact[], family: string): Finding[] {
  const findings: Finding[] = [];
  const find = (pred: (r: AmountRecord) => boolean) => records.find(pred);
  const checks: Array<[string, AmountRecord | undefined]> = [
    ['income_total', find((r) => r.table === `${family}.summary` && r.side === 'income' && /^本年收入合计$/.test(r.labelKey ?? ''))],
    ['expenditure_total', find((r) => r.table === `${family}.summary` && r.side === 'expenditure' && /^本年支出合计$/.test(r.labelKey ?? ''))],
  ];
  for (const [name, record] of checks) {
    const fact = facts.find((f) => f.name === name);
    if (!fact || !record || fact.amountFen === null) continue;
    if (Math.abs(fact.amountFen - record.amountFen) > 10_000) {
      findings.push({
        rule: 'narrative.restated',
        severity: 'warning',
        messageZh: `情况说明所述 ${fact.printed}${fact.unit} 与表中 ${record.printed} 不一致`,
        messageEn: `the narrative states ${fact.printed} ${fact.unit}, the table prints ${record.printed}`,
        cells: [{ tableIndex: record.tableIndex, page: record.page, bbox: record.bbox, printed: record.printed }],
        suggestion: null,
      });
    }
  }
  for (const f of facts.filter((x) => x.name === 'item_amount' && x.code)) {
    const record = find((r) => r.table === `${family}.gpb_expenditure` && r.code === f.code && r.measure === 'total');
    if (!record || f.amountFen === null || f.unit !== record.unit) continue;
    if (Math.abs(f.amountFen - record.amountFen) > 10_000) {
      findings.push({
        rule: 'narrative.item',
        severity: 'warning',
        messageZh: `情况说明中 ${f.label} 为 ${f.printed}${f.unit}，表中 ${record.code} 为 ${record.printed}`,
        messageEn: `the narrative gives ${f.printed} ${f.unit} for ${f.code}, the table prints ${record.printed}`,
        cells: [{ tableIndex: record.tableIndex, page: record.page, bbox: record.bbox, printed: record.printed }],
        suggestion: null,
      });
    }
  }
  return findings;
}

/** ExtractedDocument → canonical tables, records, narrative facts and validation findings. */
export function parseDocument(doc: ExtractedDocument): ParsedDocument {
  const meta = readDocumentMeta(doc);
  const functional = loadCatalog('functional', meta.fiscalYear);
  const economic = loadCatalog('economic', meta.fiscalYear);
  const defaultUnit = mostCommon(doc.tables.map((t) => t.meta.unit).filter((u): u is string => u !== null));
  const tables: ParsedTable[] = [];
  const records: AmountRecord[] = [];
  const lineItems: LineItem[] = [];
  for (const table of doc.tables) {
    const headerText = table.cells.filter((c) => c.row < Math.max(1, table.headerRows)).map((c) => c.text).join('|');
    const kind = classifyTable(table.meta.title, headerText, meta.kind, table.panels.length);
    const unit = table.meta.unit ?? defaultUnit ?? (meta.kind === 'budget' ? '元' : '万元');
    const parsed = kind === 'other' || kind === 'budget.project_performance' ? { records: [], lineItems: [], measures: [] } : parseTable(table, table.index, { kind, unit, unitAssumed: table.meta.unit === null, functional, economic });
    records.push(...parsed.records);
    lineItems.push(...parsed.lineItems);
    tables.push({ index: table.index, kind, title: table.meta.title, number: table.meta.number, pages: table.pages, unit, measures: parsed.measures, rows: table.nRows, cols: table.nCols, records: parsed.records.length });
  }
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
  for (const item of items) item.code = resolveItem(item, names, functional);
  const performance = meta.kind === 'performance' || doc.tables.some((t) => /绩效/.test(t.meta.title ?? '')) ? extractPerformanceFacts(doc) : [];
  const allFacts: Fact[] = [...facts, ...performance, ...items.map(({ className: _c, sectionName: _s, itemName: _i, ...fact }) => fact)];
  const findings = [...validateRecords(records), ...narrativeChecks(records, allFacts, family)];
  return ParsedDocumentSchema.parse({
    parserVersion: PARSER_VERSION,
    catalogVersion: CATALOG_VERSION,
    meta,
    tables,
    lineItems,
    records,
    facts: allFacts,
    findings,
  });
}

export { labelKey };
