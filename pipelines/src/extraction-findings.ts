import type { ExtractedDocument, Finding, ParsedDocument } from '@juesuan/model';

/** Findings for what extraction could not read: pages that threw, images left out over the limit. */
export function extractionFindings(doc: ExtractedDocument): Finding[] {
  const pages: Finding[] = doc.pages.flatMap((p) =>
    p.failed
      ? [
          {
            rule: 'extraction.page_failed',
            severity: 'error' as const,
            messageZh: `第${p.number ?? '?'}页无法读取（${p.failed.code}）：${p.failed.message}；该页的表格缺失`,
            messageEn: `page ${p.number ?? '?'} could not be read (${p.failed.code}): ${p.failed.message}; its tables are missing`,
            cells: [],
            suggestion: null,
          },
        ]
      : [],
  );
  const notes: Finding[] = (doc.notes ?? []).map((n) => ({
    rule: `extraction.${n.code}`,
    severity: 'warning' as const,
    messageZh: `提取时略去了内容（${n.code}）：${n.message}`,
    messageEn: n.message,
    cells: [],
    suggestion: null,
  }));
  return [...pages, ...notes];
}

/** The parse of a document with the findings of its extraction added. */
export function withExtractionFindings(parsed: ParsedDocument, doc: ExtractedDocument): ParsedDocument {
  const extra = extractionFindings(doc);
  return extra.length ? { ...parsed, findings: [...extra, ...parsed.findings] } : parsed;
}

/** What a batch keeps of a stored document: counts, not the document, so memory stays flat. */
export interface DocumentSummary {
  meta: ParsedDocument['meta'];
  tableKinds: string[];
  tables: number;
  records: number;
  errors: number;
  warnings: number;
  failedPages: number[];
  notes: string[];
}

export function summarize(parsed: ParsedDocument, doc: ExtractedDocument): DocumentSummary {
  return {
    meta: parsed.meta,
    tableKinds: parsed.tables.map((t) => t.kind),
    tables: parsed.tables.length,
    records: parsed.records.length,
    errors: parsed.findings.filter((f) => f.severity === 'error').length,
    warnings: parsed.findings.filter((f) => f.severity === 'warning').length,
    failedPages: doc.pages.filter((p) => p.failed).map((p) => p.number ?? 0),
    notes: (doc.notes ?? []).map((n) => n.code),
  };
}
