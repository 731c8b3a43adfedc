/** An integer of 分 as an exact decimal string of 元: 12345 → '123.45', -5 → '-0.05'. */
const yuan = (fen: string) => `CASE WHEN ${fen} IS NULL THEN NULL ELSE printf('%s%d.%02d', CASE WHEN ${fen} < 0 THEN '-' ELSE '' END, abs(${fen}) / 100, abs(${fen}) % 100) END`;

/** Schema changes in order; each runs once, recorded in schema_migrations. */
export const MIGRATIONS: Array<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
CREATE TABLE documents (
  sha256 TEXT PRIMARY KEY,
  file TEXT NOT NULL,
  format TEXT,
  size_bytes INTEGER NOT NULL,
  page_count INTEGER,
  first_seen TEXT NOT NULL
);
CREATE TABLE extractions (
  sha256 TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (sha256, extractor_version)
);
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  document_sha256 TEXT NOT NULL REFERENCES documents(sha256),
  file TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  error_code TEXT,
  error_message TEXT,
  extractor_version TEXT,
  parser_version TEXT,
  catalog_version TEXT,
  kind TEXT,
  fiscal_year INTEGER,
  department TEXT,
  region TEXT,
  province TEXT,
  city TEXT,
  county TEXT,
  unit_scope TEXT,
  meta_json TEXT,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL
);
CREATE INDEX runs_document ON runs(document_sha256, status, id);
CREATE TABLE pages (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  number INTEGER,
  width REAL, height REAL,
  source TEXT NOT NULL,
  is_toc INTEGER NOT NULL
);
CREATE TABLE sections (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  level INTEGER NOT NULL,
  numbering TEXT NOT NULL,
  title TEXT NOT NULL,
  page INTEGER, end_page INTEGER,
  path TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE TABLE tables (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  kind TEXT NOT NULL,
  title TEXT, number TEXT, unit TEXT,
  pages TEXT NOT NULL,
  n_rows INTEGER NOT NULL, n_cols INTEGER NOT NULL,
  records INTEGER NOT NULL,
  measures TEXT NOT NULL,
  PRIMARY KEY (run_id, idx)
);
CREATE TABLE cells (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  table_idx INTEGER NOT NULL,
  row INTEGER NOT NULL, col INTEGER NOT NULL,
  row_span INTEGER NOT NULL, col_span INTEGER NOT NULL,
  page INTEGER,
  x0 REAL, y0 REAL, x1 REAL, y1 REAL,
  text TEXT NOT NULL,
  source TEXT NOT NULL,
  confidence REAL NOT NULL
);
CREATE INDEX cells_table ON cells(run_id, table_idx);
CREATE TABLE line_items (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  table_idx INTEGER NOT NULL,
  table_kind TEXT NOT NULL,
  page INTEGER,
  row INTEGER NOT NULL, col INTEGER NOT NULL,
  x0 REAL, y0 REAL, x1 REAL, y1 REAL,
  side TEXT, panel TEXT,
  code TEXT, code_method TEXT NOT NULL, code_score REAL NOT NULL, code_level INTEGER, parent_code TEXT, class_code TEXT,
  label TEXT, label_key TEXT, parent_label TEXT,
  measure TEXT NOT NULL,
  printed TEXT NOT NULL,
  unit TEXT NOT NULL,
  amount_fen INTEGER NOT NULL,
  flags TEXT NOT NULL
);
CREATE INDEX line_items_run ON line_items(run_id);
CREATE INDEX line_items_code ON line_items(code, table_kind, measure);
CREATE INDEX runs_question ON runs(fiscal_year, region, kind);
CREATE TABLE facts (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name TEXT NOT NULL, code TEXT, label TEXT,
  amount_fen INTEGER, percent REAL,
  printed TEXT NOT NULL, unit TEXT,
  sentence TEXT NOT NULL, page INTEGER
);
CREATE TABLE findings (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  rule TEXT NOT NULL, severity TEXT NOT NULL,
  message_zh TEXT NOT NULL, message_en TEXT NOT NULL,
  cells TEXT NOT NULL,
  suggestion TEXT
);
CREATE INDEX findings_run ON findings(run_id, severity);
CREATE TABLE catalog (
  kind TEXT NOT NULL, year INTEGER NOT NULL, code TEXT NOT NULL,
  name TEXT NOT NULL, level INTEGER NOT NULL, parent TEXT, source TEXT NOT NULL,
  PRIMARY KEY (kind, year, code)
);

-- the run that queries see: the newest successful one per document
CREATE VIEW latest_runs AS
  SELECT r.* FROM runs r
  WHERE r.status = 'ok' AND r.id = (SELECT MAX(id) FROM runs x WHERE x.document_sha256 = r.document_sha256 AND x.status = 'ok');

-- one row per numeric cell, in the export shape
CREATE VIEW records AS
  SELECT d.sha256 AS document_sha256, r.file, r.kind, r.fiscal_year, r.region, r.department,
         li.table_kind AS "table", li.page, li.side, li.code, li.label, li.measure, li.printed, li.unit,
         li.amount_fen, r.id AS run, li.panel, li.class_code, li.parent_label, li.table_idx, li.row, li.col
  FROM line_items li JOIN latest_runs r ON r.id = li.run_id JOIN documents d ON d.sha256 = r.document_sha256;

-- one row per document × code × table, measures as columns
CREATE VIEW document_codes AS
  SELECT document_sha256, file, kind, fiscal_year, region, department, "table", code, MAX(label) AS label, unit,
    MAX(CASE WHEN measure = 'total' THEN amount_fen END) AS total_fen,
    MAX(CASE WHEN measure = 'basic' THEN amount_fen END) AS basic_fen,
    MAX(CASE WHEN measure = 'project' THEN amount_fen END) AS project_fen,
    MAX(CASE WHEN measure = 'fiscal' THEN amount_fen END) AS fiscal_fen,
    MAX(CASE WHEN measure = 'amount' THEN amount_fen END) AS amount_fen
  FROM records WHERE code IS NOT NULL
  GROUP BY document_sha256, "table", code, unit;
`,
  },
  {
    version: 2,
    sql: `
-- scores and counts of the narrative (项目得分 95 分, 车辆 3 辆) were not kept before
ALTER TABLE facts ADD COLUMN value REAL;

-- the printed form of a code that had to be normalised (201 | 3 | 1 → 2010301)
ALTER TABLE line_items ADD COLUMN code_printed TEXT;

-- records: code is the printed code only (a code found by the row's name is code_resolved);
-- panel_rank orders a two-panel table panel by panel, left one first
DROP VIEW document_codes;
DROP VIEW records;
CREATE VIEW records AS
  SELECT d.sha256 AS document_sha256, r.file, r.kind, r.fiscal_year, r.region, r.department,
         li.table_kind AS "table", li.page, li.side,
         CASE WHEN li.code_method IN ('printed', 'split', 'in_name') THEN li.code END AS code,
         li.label, li.measure, li.printed, li.unit, li.amount_fen, r.id AS run,
         li.panel, li.class_code, li.parent_label, li.code_printed,
         li.code AS code_resolved, li.code_method, li.table_idx, li.row, li.col,
         MIN(li.col) OVER (PARTITION BY li.run_id, li.table_idx, li.panel) AS panel_rank,
         li.x0, li.y0, li.x1, li.y1, li.flags
  FROM line_items li JOIN latest_runs r ON r.id = li.run_id JOIN documents d ON d.sha256 = r.document_sha256;

-- one row per document × code × table, measures as columns; codes printed or found by exact name
CREATE VIEW document_codes AS
  SELECT document_sha256, file, kind, fiscal_year, region, department, "table", code_resolved AS code, MAX(label) AS label, unit,
    MAX(CASE WHEN measure = 'total' THEN amount_fen END) AS total_fen,
    MAX(CASE WHEN measure = 'basic' THEN amount_fen END) AS basic_fen,
    MAX(CASE WHEN measure = 'project' THEN amount_fen END) AS project_fen,
    MAX(CASE WHEN measure = 'fiscal' THEN amount_fen END) AS fiscal_fen,
    MAX(CASE WHEN measure = 'amount' THEN amount_fen END) AS amount_fen
  FROM records WHERE code_resolved IS NOT NULL AND code_method IN ('printed', 'split', 'in_name', 'name_exact', 'name_alias')
  GROUP BY document_sha256, "table", code_resolved, unit;

-- the figures the narrative states, of the latest runs: (类)(款)(项) items, restated totals, 绩效 projects
CREATE VIEW narrative_facts AS
  SELECT d.sha256 AS document_sha256, r.file, r.kind, r.fiscal_year, r.region, r.department,
         f.name, f.code, f.label, f.amount_fen, f.percent, f.value, f.printed, f.unit, f.page, f.sentence, r.id AS run, f.rowid AS seq
  FROM facts f JOIN latest_runs r ON r.id = f.run_id JOIN documents d ON d.sha256 = r.document_sha256;
`,
  },
  {
    version: 3,
    sql: `
-- the expenditure group of two-group summaries, and the text context of procurement rows
ALTER TABLE line_items ADD COLUMN group_name TEXT;
ALTER TABLE line_items ADD COLUMN context TEXT;
-- how sure the table's kind is, and why
ALTER TABLE tables ADD COLUMN kind_confidence REAL;
ALTER TABLE tables ADD COLUMN kind_evidence TEXT;
-- the GB/T 2260 division code of the region, and the publication a document belongs to
ALTER TABLE runs ADD COLUMN region_code TEXT;
ALTER TABLE runs ADD COLUMN publication TEXT;

DROP VIEW document_codes;
DROP VIEW records;
CREATE VIEW records AS
  SELECT d.sha256 AS document_sha256, r.file, r.kind, r.fiscal_year, r.region, r.region_code, r.department, r.unit_scope AS scope, r.publication,
         li.table_kind AS "table", li.page, li.side,
         CASE WHEN li.code_method IN ('printed', 'split', 'in_name') THEN li.code END AS code,
         li.label, li.measure, li.printed, li.unit, li.amount_fen, r.id AS run,
         li.panel, li.group_name AS "group", li.class_code, li.parent_label, li.code_printed, li.context,
         li.code AS code_resolved, li.code_method, li.table_idx, li.row, li.col,
         MIN(li.col) OVER (PARTITION BY li.run_id, li.table_idx, li.panel) AS panel_rank,
         li.x0, li.y0, li.x1, li.y1, li.flags
  FROM line_items li JOIN latest_runs r ON r.id = li.run_id JOIN documents d ON d.sha256 = r.document_sha256;

CREATE VIEW document_codes AS
  SELECT document_sha256, file, kind, fiscal_year, region, region_code, department, scope, "table", code_resolved AS code, MAX(label) AS label, unit,
    MAX(CASE WHEN measure = 'total' THEN amount_fen END) AS total_fen,
    MAX(CASE WHEN measure = 'basic' THEN amount_fen END) AS basic_fen,
    MAX(CASE WHEN measure = 'project' THEN amount_fen END) AS project_fen,
    MAX(CASE WHEN measure = 'fiscal' THEN amount_fen END) AS fiscal_fen,
    MAX(CASE WHEN measure = 'amount' THEN amount_fen END) AS amount_fen
  FROM records WHERE code_resolved IS NOT NULL AND code_method IN ('printed', 'split', 'in_name', 'name_exact', 'name_alias')
  GROUP BY document_sha256, "table", code_resolved, unit;
`,
  },
  {
    version: 4,
    sql: `
-- amounts also as exact decimal 元 strings beside 分 (12345 分 → '123.45'), for people who read 元
DROP VIEW document_codes;
DROP VIEW narrative_facts;
DROP VIEW records;
CREATE VIEW records AS
  SELECT d.sha256 AS document_sha256, r.file, r.kind, r.fiscal_year, r.region, r.region_code, r.department, r.unit_scope AS scope, r.publication,
         li.table_kind AS "table", li.page, li.side,
         CASE WHEN li.code_method IN ('printed', 'split', 'in_name') THEN li.code END AS code,
         li.label, li.measure, li.printed, li.unit, li.amount_fen, ${yuan('li.amount_fen')} AS amount_yuan, r.id AS run,
         li.panel, li.group_name AS "group", li.class_code, li.parent_label, li.code_printed, li.context,
         li.code AS code_resolved, li.code_method, li.table_idx, li.row, li.col,
         MIN(li.col) OVER (PARTITION BY li.run_id, li.table_idx, li.panel) AS panel_rank,
         li.x0, li.y0, li.x1, li.y1, li.flags
  FROM line_items li JOIN latest_runs r ON r.id = li.run_id JOIN documents d ON d.sha256 = r.document_sha256;

CREATE VIEW document_codes AS
  SELECT document_sha256, file, kind, fiscal_year, region, region_code, department, scope, "table", code, label, unit,
    total_fen, ${yuan('total_fen')} AS total_yuan, basic_fen, ${yuan('basic_fen')} AS basic_yuan,
    project_fen, ${yuan('project_fen')} AS project_yuan, fiscal_fen, ${yuan('fiscal_fen')} AS fiscal_yuan,
    amount_fen, ${yuan('amount_fen')} AS amount_yuan
  FROM (
    SELECT document_sha256, file, kind, fiscal_year, region, region_code, department, scope, "table", code_resolved AS code, MAX(label) AS label, unit,
      MAX(CASE WHEN measure = 'total' THEN amount_fen END) AS total_fen,
      MAX(CASE WHEN measure = 'basic' THEN amount_fen END) AS basic_fen,
      MAX(CASE WHEN measure = 'project' THEN amount_fen END) AS project_fen,
      MAX(CASE WHEN measure = 'fiscal' THEN amount_fen END) AS fiscal_fen,
      MAX(CASE WHEN measure = 'amount' THEN amount_fen END) AS amount_fen
    FROM records WHERE code_resolved IS NOT NULL AND code_method IN ('printed', 'split', 'in_name', 'name_exact', 'name_alias')
    GROUP BY document_sha256, "table", code_resolved, unit
  );

CREATE VIEW narrative_facts AS
  SELECT d.sha256 AS document_sha256, r.file, r.kind, r.fiscal_year, r.region, r.department,
         f.name, f.code, f.label, f.amount_fen, ${yuan('f.amount_fen')} AS amount_yuan, f.percent, f.value, f.printed, f.unit, f.page, f.sentence, r.id AS run, f.rowid AS seq
  FROM facts f JOIN latest_runs r ON r.id = f.run_id JOIN documents d ON d.sha256 = r.document_sha256;
`,
  },
  {
    version: 5,
    sql: `
-- the audit: every finding carries its family and evidence (page, box, quoted text); the table
-- of all runs' findings becomes run_findings, and findings is the view of the latest runs
ALTER TABLE findings RENAME TO run_findings;
ALTER TABLE run_findings ADD COLUMN family TEXT;
ALTER TABLE run_findings ADD COLUMN page INTEGER;
ALTER TABLE run_findings ADD COLUMN x0 REAL;
ALTER TABLE run_findings ADD COLUMN y0 REAL;
ALTER TABLE run_findings ADD COLUMN x1 REAL;
ALTER TABLE run_findings ADD COLUMN y1 REAL;
ALTER TABLE run_findings ADD COLUMN quote TEXT;
ALTER TABLE run_findings ADD COLUMN evidence TEXT;
DROP INDEX IF EXISTS findings_run;
CREATE INDEX run_findings_run ON run_findings(run_id, severity);

-- what the audit checked per document: each check and each family ('*') passed, failed, or could not run
CREATE TABLE run_ledger (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  family TEXT NOT NULL,
  "check" TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'not_applicable', 'insufficient_data')),
  reason TEXT,
  failures INTEGER NOT NULL
);
CREATE INDEX run_ledger_run ON run_ledger(run_id);

CREATE VIEW findings AS
  SELECT d.sha256 AS document_sha256, r.file, r.kind, r.fiscal_year, r.region, r.department,
         f.rule, COALESCE(f.family, 'identity') AS family, f.severity, f.page, f.x0, f.y0, f.x1, f.y1, f.quote,
         f.message_zh, f.message_en, f.cells, f.suggestion, f.evidence, r.id AS run_id, f.rowid AS seq
  FROM run_findings f JOIN latest_runs r ON r.id = f.run_id JOIN documents d ON d.sha256 = r.document_sha256;

CREATE VIEW ledger AS
  SELECT d.sha256 AS document_sha256, r.file, r.kind, r.fiscal_year, r.region, r.department,
         l.family, l."check", l.status, l.reason, l.failures, r.id AS run_id, l.rowid AS seq
  FROM run_ledger l JOIN latest_runs r ON r.id = l.run_id JOIN documents d ON d.sha256 = r.document_sha256;
`,
  },
  {
    version: 6,
    sql: `
-- a person's correction of a cell, keyed so it outlives runs: document, table, row key, measure
-- ('*' for the row's code or label); the value is as a person types it, amount_fen for amounts
CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  document_sha256 TEXT NOT NULL,
  table_kind TEXT NOT NULL,
  row_key TEXT NOT NULL,
  measure TEXT NOT NULL,
  field TEXT NOT NULL CHECK (field IN ('amount', 'code', 'label')),
  value TEXT NOT NULL,
  amount_fen INTEGER,
  original TEXT,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (document_sha256, table_kind, row_key, measure, field)
);
CREATE TABLE saved_queries (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, sql TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX line_items_cell ON line_items(run_id, table_idx, row, col);

-- every line item (any run) with the key its corrections are stored under (side, panel, then the
-- printed code or the row's name) and the corrections applied; select by run_id, it stays on the index
CREATE VIEW corrected_items AS
  SELECT r.document_sha256, k.run_id, k.table_idx, k.table_kind AS "table", k.page, k.row, k.col, k.x0, k.y0, k.x1, k.y1, k.side, k.panel,
    CASE WHEN cc.id IS NOT NULL THEN cc.value WHEN k.code_method IN ('printed', 'split', 'in_name') THEN k.code END AS code,
    CASE WHEN cc.id IS NOT NULL THEN cc.value ELSE k.code END AS code_resolved, k.code_method,
    COALESCE(cl.value, k.label) AS label, k.measure, k.printed, k.unit, COALESCE(ca.amount_fen, k.amount_fen) AS amount_fen,
    k.flags, k.row_key,
    NULLIF(TRIM(CASE WHEN ca.id IS NOT NULL THEN 'amount ' ELSE '' END || CASE WHEN cc.id IS NOT NULL THEN 'code ' ELSE '' END || CASE WHEN cl.id IS NOT NULL THEN 'label' ELSE '' END), '') AS corrected
  FROM (SELECT li.*, COALESCE(li.side, '') || '|' || COALESCE(li.panel, '') || '|' || COALESCE(li.group_name, '') || '|' || COALESCE(li.parent_label, '') || '|' ||
          CASE WHEN li.code_method IN ('printed', 'split', 'in_name') THEN 'code:' || li.code ELSE 'label:' || COALESCE(li.label_key, li.label, '#' || li.row) END AS row_key
        FROM line_items li) k
  JOIN runs r ON r.id = k.run_id
  LEFT JOIN corrections ca ON ca.document_sha256 = r.document_sha256 AND ca.table_kind = k.table_kind AND ca.row_key = k.row_key AND ca.measure = k.measure AND ca.field = 'amount'
  LEFT JOIN corrections cc ON cc.document_sha256 = r.document_sha256 AND cc.table_kind = k.table_kind AND cc.row_key = k.row_key AND cc.measure = '*' AND cc.field = 'code'
  LEFT JOIN corrections cl ON cl.document_sha256 = r.document_sha256 AND cl.table_kind = k.table_kind AND cl.row_key = k.row_key AND cl.measure = '*' AND cl.field = 'label';

-- the records of the latest runs, every column of the records view, and beside them the values with
-- corrections applied (the same as the parsed ones when none); corrected names the fields changed
CREATE VIEW corrected_records AS
  SELECT rec.*, ci.code AS corrected_code, ci.code_resolved AS corrected_code_resolved, ci.label AS corrected_label,
    ci.amount_fen AS corrected_amount_fen, ci.row_key, ci.corrected
  FROM records rec JOIN corrected_items ci ON ci.run_id = rec.run AND ci.table_idx = rec.table_idx AND ci.row = rec.row AND ci.col = rec.col;
`,
  },
  {
    version: 7,
    sql: `
-- a page that could not be read is kept, marked failed, with its error
ALTER TABLE pages ADD COLUMN error_code TEXT;
ALTER TABLE pages ADD COLUMN error_message TEXT;
`,
  },
];
