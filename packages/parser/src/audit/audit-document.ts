import type { AmountRecord, DocumentMeta, Evidence, ExtractedDocument, Fact, Finding, LedgerEntry, ParsedTable } from '@juesuan/model';
import type { AuditContext, Coverage } from './audit-context.ts';
import { identityCoverage, ruleOfCheck } from './identity-coverage.ts';
import { FAMILIES, familyOf } from './registry.ts';
import type { FamilyId } from './registry.ts';
import { restatedRules } from './restated.ts';
import { structureRules } from './structure.ts';
import { templateRules } from './template-residue.ts';
import { DocumentText } from './text-index.ts';
import { wordingRules } from './wording.ts';
import { yearRules } from './years-dates.ts';

export interface AuditInput {
  doc: ExtractedDocument;
  meta: DocumentMeta;
  tables: ParsedTable[];
  records: AmountRecord[];
  facts: Fact[];
  /** findings of the identity and narrative checks, joined to the catalogue */
  findings: Finding[];
}

/** Evidence of a finding made before the audit: its cells, or the sentence it quotes. */
function legacyEvidence(f: Finding, text: DocumentText): Evidence[] {
  if (f.cells.length > 0) return f.cells.map((c) => ({ page: c.page, bbox: c.bbox, quote: c.printed }));
  const quoted = /「([^」]{4,})」/.exec(f.messageZh)?.[1];
  const found = quoted ? text.locate(quoted.slice(0, 40)) : null;
  return found ? [found] : [];
}

/** Findings made outside a document's parse (a split publication's checks) joined to the catalogue: family, and their cells as evidence. */
export function catalogue(findings: Finding[]): Finding[] {
  return findings.map((f) => ({ ...f, family: f.family ?? familyOf(f.rule), evidence: f.evidence ?? f.cells.map((c) => ({ page: c.page, bbox: c.bbox, quote: c.printed })) }));
}

/** Runs every rule family; returns all findings (with family and evidence) and the coverage ledger. */
export function auditDocument(input: AuditInput): { findings: Finding[]; ledger: LedgerEntry[] } {
  const text = new DocumentText(input.doc);
  const ctx: AuditContext = { ...input, text };
  const legacy = input.findings.map((f) => ({ ...f, family: f.family ?? familyOf(f.rule), evidence: f.evidence ?? legacyEvidence(f, text) }));
  const families = [structureRules(ctx), templateRules(ctx), yearRules(ctx), wordingRules(ctx), restatedRules(ctx)];
  const findings = [...legacy, ...families.flatMap((r) => r.findings)];
  const coverage: Array<Coverage & { family: string }> = [...families.flatMap((r) => r.coverage.map((c) => ({ ...c, family: familyOf(c.check) }))), ...identityCoverage(ctx)];
  return { findings, ledger: buildLedger(coverage, findings) };
}

/** One entry per check, and one per family ('*') that sums its checks up. */
function buildLedger(coverage: Array<Coverage & { family: string }>, findings: Finding[]): LedgerEntry[] {
  const entries: LedgerEntry[] = coverage.map((c) => {
    const failures = findings.filter((f) => f.severity !== 'info' && ruleOfCheck(f.rule, c.check)).length;
    const status = failures > 0 ? 'fail' : c.status === 'ran' ? 'pass' : c.status;
    return { family: c.family, check: c.check, status, reason: c.reason, failures };
  });
  for (const family of Object.keys(FAMILIES) as FamilyId[]) {
    const mine = entries.filter((e) => e.family === family);
    const failures = mine.reduce((s, e) => s + e.failures, 0);
    // a family that could not run every check is not a pass: a missing table must not read as "no findings"
    const status = mine.some((e) => e.status === 'fail') ? 'fail' : mine.some((e) => e.status === 'insufficient_data') ? 'insufficient_data' : mine.some((e) => e.status === 'pass') ? 'pass' : 'not_applicable';
    const gaps = mine.filter((e) => e.status === 'insufficient_data').map((e) => e.reason);
    entries.push({ family, check: '*', status, reason: gaps.length > 0 ? gaps.join('; ') : null, failures });
  }
  return entries;
}
