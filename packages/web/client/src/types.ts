export interface DocumentRow {
  sha256: string;
  file: string;
  format: string | null;
  pages: number | null;
  kind: string | null;
  fiscal_year: number | null;
  region: string | null;
  department: string | null;
  run: number;
  tables: number;
  records: number;
  errors: number;
  warnings: number;
  infos: number;
  corrections: number;
}

export interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface CellRef {
  tableIndex: number;
  page: number | null;
  bbox: BBox | null;
  printed: string;
}

export interface Finding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  messageZh: string;
  messageEn: string;
  cells: CellRef[];
  suggestion: { printed: string; suggested: string; evidence: string[] } | null;
}

export interface Correction {
  id: number;
  documentSha256: string;
  table: string;
  rowKey: string;
  measure: string;
  field: 'amount' | 'code' | 'label';
  value: string;
  amountFen: number | null;
  original: string | null;
  reason: string;
  createdAt: string;
}

export interface TableInfo {
  idx: number;
  kind: string;
  title: string | null;
  unit: string | null;
  pages: Array<number | null>;
  n_rows: number;
  n_cols: number;
  records: number;
}

export interface DocumentDetail {
  document: { run: number; sha256: string; file: string; format: string | null; page_count: number | null; kind: string | null; fiscal_year: number | null; region: string | null; department: string | null };
  pages: Array<{ number: number; width: number; height: number; source: string; turned: number }>;
  tables: TableInfo[];
  findings: Finding[];
  resolved: Finding[];
  corrections: Correction[];
}

export type CellState = 'read' | 'low' | 'breaks' | 'corrected';

export interface PageCell extends BBox {
  table_idx: number;
  table: string;
  page: number;
  row: number;
  col: number;
  side: string | null;
  panel: string | null;
  code: string | null;
  code_resolved: string | null;
  label: string | null;
  measure: string;
  printed: string;
  unit: string;
  amount_fen: number;
  flags: string[];
  run: number;
  row_key: string;
  corrected: string | null;
  confidence: number | null;
  source: string | null;
  state: CellState;
}
