import type { AmountRecord, DocumentMeta, Evidence, ExtractedDocument, Fact, Finding, ParsedTable } from '@juesuan/model';
import type { RuleId } from './registry.ts';
import { RULES } from './registry.ts';
import type { DocumentText } from './text-index.ts';
import { unionBox } from './text-index.ts';

/** What every rule family reads: the extraction, the parse, and the free text by position. */
export interface AuditContext {
  doc: ExtractedDocument;
  meta: DocumentMeta;
  tables: ParsedTable[];
  records: AmountRecord[];
  facts: Fact[];
  text: DocumentText;
}

/** One check of a family: ran over something, or could not run and why. */
export interface Coverage {
  check: string;
  status: 'ran' | 'not_applicable' | 'insufficient_data';
  reason: string | null;
}

export interface FamilyResult {
  findings: Finding[];
  coverage: Coverage[];
}

export function auditFinding(rule: RuleId, messageZh: string, messageEn: string, evidence: Array<Evidence | null>): Finding {
  const info = RULES[rule];
  return { rule, severity: info.severity, messageZh, messageEn, cells: [], suggestion: null, family: info.family, evidence: evidence.filter((e): e is Evidence => e !== null) };
}

export const ran = (check: string): Coverage => ({ check, status: 'ran', reason: null });
export const notApplicable = (check: string, reason: string): Coverage => ({ check, status: 'not_applicable', reason });
export const insufficient = (check: string, reason: string): Coverage => ({ check, status: 'insufficient_data', reason });

/** A table's title and box on its first page. */
export function tableEvidence(ctx: AuditContext, tableIndex: number): Evidence {
  const t = ctx.doc.tables.find((x) => x.index === tableIndex);
  const page = t?.pages[0] ?? null;
  const title = t?.meta.title ?? '';
  const located = title ? ctx.text.locate(title, page) : null;
  if (located && located.page === page) return located;
  const cells = t?.cells.filter((c) => c.page === page) ?? [];
  return { page, bbox: unionBox(cells.map((c) => c.bbox)), quote: title };
}

/** The 决算/预算 word of the report, for messages. */
export const stageWord = (ctx: AuditContext) => (ctx.meta.kind === 'budget' ? '预算' : '决算');
