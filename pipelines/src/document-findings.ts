import type { Finding, ParsedDocument } from '@juesuan/model';

/** The rule of the warning a document without any table gets. */
export const NO_TABLES_RULE = 'document.no_tables';

const noTables: Finding = {
  rule: NO_TABLES_RULE,
  severity: 'warning',
  messageZh: '文档中未找到任何表格，没有可导出的金额',
  messageEn: 'no table found in the document: it has no amounts to export',
  cells: [],
  suggestion: null,
};

/** Findings about the document as a whole, added after the parse: a report with no table at all is not silently ok. */
export function withDocumentFindings(parsed: ParsedDocument): ParsedDocument {
  if (parsed.tables.length > 0 || parsed.findings.some((f) => f.rule === NO_TABLES_RULE)) return parsed;
  return { ...parsed, findings: [...parsed.findings, noTables] };
}
