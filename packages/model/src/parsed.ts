import { z } from 'zod';
import { BBox } from './geometry.ts';
import { DigitLikeness } from './document.ts';

export const DocumentKind = z.enum(['final', 'budget', 'performance', 'unknown']);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const Region = z.object({
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
  /** the most specific level, e.g. 上海市普陀区 */
  name: z.string().nullable(),
  /** GB/T 2260 administrative division code of the most specific level (310107 上海市普陀区) */
  code: z.string().regex(/^\d{6}$/).nullable(),
  /** national: a department of the central government */
  level: z.enum(['national', 'province', 'city', 'county', 'unknown']),
});
export type Region = z.infer<typeof Region>;

export const DocumentMeta = z.object({
  kind: DocumentKind,
  fiscalYear: z.number().int().nullable(),
  department: z.string().nullable(),
  unitScope: z.enum(['department', 'unit']).nullable(),
  region: Region,
  publicationDate: z.string().nullable(),
  unitsIncluded: z.array(z.string()),
  /** the report a split publication's PDFs share: department|year|kind */
  publication: z.string().nullable(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const CellRef = z.object({
  tableIndex: z.number().int().nonnegative(),
  page: z.number().int().positive().nullable(),
  bbox: BBox.nullable(),
  printed: z.string(),
});
export type CellRef = z.infer<typeof CellRef>;

export const CodeMethod = z.enum(['printed', 'split', 'in_name', 'name_exact', 'name_alias', 'name_fuzzy', 'label', 'none']);
export type CodeMethod = z.infer<typeof CodeMethod>;

/** The context fields a record can carry, in export order (procurement tables). */
export const CONTEXT_FIELDS = ['level', 'category', 'special_item', 'econ_item', 'method'] as const;

export const AmountRecord = z.object({
  tableIndex: z.number().int().nonnegative(),
  table: z.string(),
  page: z.number().int().positive().nullable(),
  bbox: BBox.nullable(),
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  side: z.enum(['income', 'expenditure']).nullable(),
  panel: z.string().nullable(),
  /** the expenditure group of a two-group summary: function (功能分类) or purpose (支出用途) */
  group: z.string().nullable(),
  code: z.string().nullable(),
  /** the code as printed, where it had to be normalised (a 款 printed without its leading zero) */
  codePrinted: z.string().nullable(),
  codeMethod: CodeMethod,
  codeScore: z.number().min(0).max(1),
  codeLevel: z.number().int().nullable(),
  parentCode: z.string().nullable(),
  classCode: z.string().nullable(),
  label: z.string().nullable(),
  /** normalized key for rows identified by label: numbering removed, whitespace removed */
  labelKey: z.string().nullable(),
  parentLabel: z.string().nullable(),
  /** text columns that give the amount its context (procurement: level, category, special_item, econ_item, method) */
  context: z.record(z.string(), z.string()).nullable(),
  measure: z.string(),
  printed: z.string(),
  unit: z.string(),
  amountFen: z.number().int(),
  flags: z.array(z.string()),
  /** other readings OCR found for the cell (see Cell.alternatives) */
  alternatives: z.array(z.string()).optional(),
  /** the cell read by the document's own digits (see Cell.digitsRead) */
  digitsRead: z.string().optional(),
  /** its glyphs' likeness to each digit (see Cell.digitLikeness) */
  digitLikeness: DigitLikeness.optional(),
});
export type AmountRecord = z.infer<typeof AmountRecord>;

export const Suggestion = z.object({
  cell: CellRef,
  printed: z.string(),
  suggested: z.string(),
  evidence: z.array(z.string()),
});
export type Suggestion = z.infer<typeof Suggestion>;

/** Where a finding shows on the page: a text span or cells, with the text quoted. */
export const Evidence = z.object({
  page: z.number().int().positive().nullable(),
  bbox: BBox.nullable(),
  quote: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

export const Finding = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  messageZh: z.string(),
  messageEn: z.string(),
  cells: z.array(CellRef),
  suggestion: Suggestion.nullable(),
  /** the audit family of the rule (structure, template, years, wording, restated, identity, coding) */
  family: z.string().optional(),
  evidence: z.array(Evidence).optional(),
});
export type Finding = z.infer<typeof Finding>;

export const Fact = z.object({
  name: z.string(),
  code: z.string().nullable(),
  label: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  percent: z.number().nullable(),
  /** a plain number that is neither money nor a share: a score, a count */
  value: z.number().nullable(),
  printed: z.string(),
  unit: z.string().nullable(),
  sentence: z.string(),
  page: z.number().int().positive().nullable(),
});
export type Fact = z.infer<typeof Fact>;

/** One data row of a standard table, amounts or not: what the row is (code or label). */
export const LineItem = z.object({
  tableIndex: z.number().int().nonnegative(),
  table: z.string(),
  row: z.number().int().nonnegative(),
  page: z.number().int().positive().nullable(),
  side: z.enum(['income', 'expenditure']).nullable(),
  panel: z.string().nullable(),
  code: z.string().nullable(),
  codeMethod: CodeMethod,
  codeScore: z.number().min(0).max(1),
  label: z.string().nullable(),
  labelKey: z.string().nullable(),
  amounts: z.number().int().nonnegative(),
});
export type LineItem = z.infer<typeof LineItem>;

export const ParsedTable = z.object({
  index: z.number().int().nonnegative(),
  kind: z.string(),
  /** how sure the classification is (0–1), and why */
  kindConfidence: z.number().min(0).max(1),
  kindEvidence: z.array(z.string()),
  title: z.string().nullable(),
  number: z.string().nullable(),
  pages: z.array(z.number().int().positive().nullable()),
  unit: z.string().nullable(),
  measures: z.array(z.string().nullable()),
  rows: z.number().int().nonnegative(),
  cols: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
});
export type ParsedTable = z.infer<typeof ParsedTable>;

/** What the audit checked for one document: a check of a family passed, failed, or could not run. */
export const LedgerEntry = z.object({
  family: z.string(),
  check: z.string(),
  status: z.enum(['pass', 'fail', 'not_applicable', 'insufficient_data']),
  reason: z.string().nullable(),
  /** findings of the check at warning or error */
  failures: z.number().int().nonnegative(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const ParsedDocument = z.object({
  parserVersion: z.string(),
  catalogVersion: z.string(),
  meta: DocumentMeta,
  tables: z.array(ParsedTable),
  lineItems: z.array(LineItem),
  records: z.array(AmountRecord),
  facts: z.array(Fact),
  findings: z.array(Finding),
  ledger: z.array(LedgerEntry).optional(),
});
export type ParsedDocument = z.infer<typeof ParsedDocument>;
