import { Hono } from 'hono';
import { z } from 'zod';
import { loadCatalog } from '@juesuan/parser';
import type { ServerContext } from './context.ts';
import { rowsResponse } from './downloads.ts';
import { distinctOf } from './document-routes.ts';
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
// a parameter's first use gives its type on PostgreSQL: the comparison before `IS NULL`
const WHERE = `${CODED} AND corrected_code_resolved = @code AND measure = @measure AND ("table" = @table OR @table IS NULL)
  AND (region = @region OR @region IS NULL) AND (fiscal_year = @year OR @year IS NULL)`;
const bind = (s: Selection) => ({ code: s.code, measure: s.measure, table: s.table || null, region: s.region || null, year: s.year ?? null });

export function exploreRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.get('/options', async (c) => {
    const tables = await ctx.store.rows('SELECT "table", measure, COUNT(*) AS records FROM corrected_records GROUP BY 1, 2 ORDER BY 1, 2');
    return c.json({ tables, regions: await distinctOf(ctx, 'region'), years: await distinctOf(ctx, 'fiscal_year') });
  });

  app.get('/codes', async (c) => {
    const q = parseOr400(z.object({ table: z.string().max(100).optional() }), c.req.query());
    const rows = await ctx.store.rows<{ code: string; label: string | null; documents: number }>(
      `SELECT corrected_code_resolved AS code, MAX(corrected_label) AS label, COUNT(DISTINCT document_sha256) AS documents FROM corrected_records WHERE ${CODED} AND ("table" = @table OR @table IS NULL) GROUP BY 1 ORDER BY 1`,
      { table: q.table || null },
    );
    return c.json({ codes: rows.map((r) => ({ ...r, name: catalogName(r.code) })) });
  });

  // regions × years: the sum over the documents of each region and year
  app.get('/pivot', async (c) => {
    const s = parseOr400(Selection, c.req.query());
    // NULLS FIRST: SQLite's order of a missing region or year, asked of PostgreSQL too
    const rows = await ctx.store.rows(
      `SELECT region, fiscal_year, SUM(corrected_amount_fen) AS amount_fen, COUNT(DISTINCT document_sha256) AS documents FROM corrected_records WHERE ${WHERE} GROUP BY 1, 2 ORDER BY 1 NULLS FIRST, 2 NULLS FIRST`,
      bind(s),
    );
    return rowsResponse(c, rows, ['region', 'fiscal_year', 'amount_fen', 'documents'], s.format, `pivot-${s.code}-${s.measure}`, { name: catalogName(s.code) });
  });

  // one code across documents: one line per document and table
  app.get('/across', async (c) => {
    const s = parseOr400(Selection, c.req.query());
    const columns = ['document_sha256', 'file', 'kind', 'fiscal_year', 'region', 'department', 'table', 'code', 'label', 'measure', 'printed', 'unit', 'amount_fen', 'corrected'];
    const rows = await ctx.store.rows(
      `SELECT document_sha256, file, kind, fiscal_year, region, department, "table", corrected_code_resolved AS code, corrected_label AS label, measure, printed, unit, corrected_amount_fen AS amount_fen, corrected
       FROM corrected_records WHERE ${WHERE} ORDER BY fiscal_year NULLS FIRST, region NULLS FIRST, file, "table", run, table_idx, panel_rank, page NULLS FIRST, row, col`,
      bind(s),
    );
    return rowsResponse(c, rows, columns, s.format, `code-${s.code}-${s.measure}`, { name: catalogName(s.code) });
  });

  return app;
}
