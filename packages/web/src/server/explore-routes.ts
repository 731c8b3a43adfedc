import { Hono } from 'hono';
import { z } from 'zod';
import { loadCatalog } from '@juesuan/parser';
import type { ServerContext } from './context.ts';
import { rowsResponse } from './downloads.ts';
import { parseOr400 } from './http-errors.ts';

const Format = z.enum(['json', 'csv', 'jsonl']).default('json');
const Code = z.string().regex(/^[0-9]{3,9}$/, 'an account code is 3 to 9 digits');
const Selection = z.object({
  code: Code,
  table: z.string().max(100).optional(),
  measure: z.string().min(1).max(100).default('total'),
  region: z.string().max(100).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  format: Format,
});
type Selection = z.infer<typeof Selection>;

/** A name of a code from the catalogs: functional (2xx) first, then economic (3xx). */
export function catalogName(code: string): string | null {
  return loadCatalog('functional', null).get(code)?.name ?? loadCatalog('economic', null).get(code)?.name ?? null;
}

// codes the explore view counts: printed, or found by the row's exact name, or corrected by a person
const CODED = `corrected_code_resolved IS NOT NULL AND (code_method IN ('printed', 'split', 'in_name', 'name_exact', 'name_alias') OR corrected LIKE '%code%')`;
const WHERE = `${CODED} AND corrected_code_resolved = @code AND measure = @measure AND (@table IS NULL OR "table" = @table)
  AND (@region IS NULL OR region = @region) AND (@year IS NULL OR fiscal_year = @year)`;
const bind = (s: Selection) => ({ code: s.code, measure: s.measure, table: s.table || null, region: s.region || null, year: s.year ?? null });

export function exploreRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.get('/options', (c) => {
    const db = ctx.reader;
    const tables = db.prepare('SELECT "table", measure, COUNT(*) AS records FROM corrected_records GROUP BY 1, 2 ORDER BY 1, 2').all();
    const distinct = (col: string) => (db.prepare(`SELECT DISTINCT ${col} AS v FROM latest_runs WHERE ${col} IS NOT NULL ORDER BY 1`).all() as Array<{ v: string | number }>).map((r) => r.v);
    return c.json({ tables, regions: distinct('region'), years: distinct('fiscal_year') });
  });

  app.get('/codes', (c) => {
    const q = parseOr400(z.object({ table: z.string().max(100).optional() }), c.req.query());
    const rows = ctx.reader
      .prepare(`SELECT corrected_code_resolved AS code, MAX(corrected_label) AS label, COUNT(DISTINCT document_sha256) AS documents FROM corrected_records WHERE ${CODED} AND (@table IS NULL OR "table" = @table) GROUP BY 1 ORDER BY 1`)
      .all({ table: q.table || null }) as Array<{ code: string; label: string | null; documents: number }>;
    return c.json({ codes: rows.map((r) => ({ ...r, name: catalogName(r.code) })) });
  });

  // regions × years: the sum over the documents of each region and year
  app.get('/pivot', (c) => {
    const s = parseOr400(Selection, c.req.query());
    const rows = ctx.reader
      .prepare(`SELECT region, fiscal_year, SUM(corrected_amount_fen) AS amount_fen, COUNT(DISTINCT document_sha256) AS documents FROM corrected_records WHERE ${WHERE} GROUP BY 1, 2 ORDER BY 1, 2`)
      .all(bind(s)) as Array<Record<string, unknown>>;
    return rowsResponse(c, rows, ['region', 'fiscal_year', 'amount_fen', 'documents'], s.format, `pivot-${s.code}-${s.measure}`, { name: catalogName(s.code) });
  });

  // one code across documents: one line per document and table
  app.get('/across', (c) => {
    const s = parseOr400(Selection, c.req.query());
    const columns = ['document_sha256', 'file', 'kind', 'fiscal_year', 'region', 'department', 'table', 'code', 'label', 'measure', 'printed', 'unit', 'amount_fen', 'corrected'];
    const rows = ctx.reader
      .prepare(`SELECT document_sha256, file, kind, fiscal_year, region, department, "table", corrected_code_resolved AS code, corrected_label AS label, measure, printed, unit, corrected_amount_fen AS amount_fen, corrected FROM corrected_records WHERE ${WHERE} ORDER BY fiscal_year, region, file, "table"`)
      .all(bind(s)) as Array<Record<string, unknown>>;
    return rowsResponse(c, rows, columns, s.format, `code-${s.code}-${s.measure}`, { name: catalogName(s.code) });
  });

  return app;
}
