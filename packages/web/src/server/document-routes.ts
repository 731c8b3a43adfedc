import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Finding } from '@juesuan/model';
import { Finding as FindingSchema } from '@juesuan/model';
import { amountUnsure, meaningUnsure } from '@juesuan/parser';
import { queuedBytes } from '@juesuan/pipelines';
import type { ServerContext } from './context.ts';
import { notFound, parseOr400 } from './http-errors.ts';
import { revalidate } from './revalidate.ts';

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a document is named by its sha256 (64 lowercase hex digits)');
const ListQuery = z.object({
  q: z.string().max(200).optional(),
  kind: z.string().max(40).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  region: z.string().max(100).optional(),
});
// only the pages' turn is read from the cached extraction: how far the extractor turned each page to read it
const ExtractionPages = z.object({ pages: z.array(z.object({ number: z.number().nullable(), turned: z.number().int().optional() }).loose()) }).loose();
const PageParams = z.object({ sha256: Sha256, page: z.coerce.number().int().positive().max(100_000) });
const TableParams = z.object({ sha256: Sha256, idx: z.coerce.number().int().nonnegative().max(100_000) });


interface LatestRun {
  run: number;
  extractor_version: string | null;
  sha256: string;
  file: string;
  format: string | null;
  page_count: number | null;
  kind: string | null;
  fiscal_year: number | null;
  region: string | null;
  department: string | null;
}

/** The first row of a read, or undefined. */
export const firstRow = async <T>(ctx: ServerContext, sql: string, params: unknown[]): Promise<T | undefined> => (await ctx.store.rows<T>(sql, params))[0];

export async function latestRun(ctx: ServerContext, sha256: string): Promise<LatestRun> {
  const run = await firstRow<LatestRun>(
    ctx,
    `SELECT r.id AS run, r.extractor_version, d.sha256, d.file, d.format, d.page_count, r.kind, r.fiscal_year, r.region, r.department
     FROM latest_runs r JOIN documents d ON d.sha256 = r.document_sha256 WHERE d.sha256 = ?`,
    [sha256],
  );
  return run ?? notFound(`document ${sha256}`);
}

async function storedFindings(ctx: ServerContext, run: number): Promise<Finding[]> {
  const rows = await ctx.store.rows<Record<string, string | null>>('SELECT rule, severity, message_zh, message_en, cells, suggestion FROM run_findings WHERE run_id = ? ORDER BY rowid', [run]);
  return rows.map((r) =>
    FindingSchema.parse({ rule: r.rule, severity: r.severity, messageZh: r.message_zh, messageEn: r.message_en, cells: JSON.parse(r.cells!), suggestion: r.suggestion ? JSON.parse(r.suggestion) : null }),
  );
}

/** The findings a document has now: identities checked again over its corrected values. */
export async function liveFindings(ctx: ServerContext, sha256: string): Promise<{ findings: Finding[]; resolved: Finding[] }> {
  const { run } = await latestRun(ctx, sha256);
  return revalidate(ctx.store, run, await storedFindings(ctx, run));
}

/** Degrees each page was turned beyond its /Rotate to be read upright: its boxes are in that frame. */
async function turnedPages(ctx: ServerContext, sha256: string, extractorVersion: string | null): Promise<Map<number, number>> {
  // cached under the extractor's version and its options (`0.4.0;ocr=auto;dpi=300`)
  const row = await firstRow<{ json: string }>(ctx, "SELECT json FROM extractions WHERE sha256 = ? AND (extractor_version = ? OR extractor_version LIKE ? || ';%') ORDER BY created_at DESC LIMIT 1", [sha256, extractorVersion, extractorVersion]);
  const parsed = row ? ExtractionPages.safeParse(JSON.parse(row.json)) : null;
  return new Map((parsed?.success ? parsed.data.pages : []).filter((p) => p.number !== null && p.turned).map((p) => [p.number!, p.turned!]));
}

/** The values a column of the latest runs takes, for the filters. */
export async function distinctOf(ctx: ServerContext, col: 'kind' | 'fiscal_year' | 'region'): Promise<Array<string | number>> {
  return (await ctx.store.rows<{ v: string | number }>(`SELECT DISTINCT ${col} AS v FROM latest_runs WHERE ${col} IS NOT NULL ORDER BY 1`)).map((r) => r.v);
}

const cellAt = (c: { tableIndex: number; page: number | null; bbox: { x0: number; y0: number } | null }) => `${c.tableIndex}|${c.page}|${c.bbox?.x0.toFixed(1)}|${c.bbox?.y0.toFixed(1)}`;

export function documentRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const q = parseOr400(ListQuery, c.req.query());
    // a parameter's first use gives its type on PostgreSQL: the comparison before `IS NULL`
    const rows = await ctx.store.rows(
      `SELECT d.sha256, r.file, d.format, d.page_count AS pages, r.kind, r.fiscal_year, r.region, r.department, r.id AS run,
           (SELECT COUNT(*) FROM tables t WHERE t.run_id = r.id AND t.kind <> 'other') AS tables,
           (SELECT COUNT(*) FROM line_items li WHERE li.run_id = r.id) AS records,
           (SELECT COUNT(*) FROM run_findings f WHERE f.run_id = r.id AND f.severity = 'error') AS errors,
           (SELECT COUNT(*) FROM run_findings f WHERE f.run_id = r.id AND f.severity = 'warning') AS warnings,
           (SELECT COUNT(*) FROM run_findings f WHERE f.run_id = r.id AND f.severity = 'info') AS infos,
           (SELECT COUNT(*) FROM corrections x WHERE x.document_sha256 = d.sha256) AS corrections
         FROM latest_runs r JOIN documents d ON d.sha256 = r.document_sha256
         WHERE (instr(r.file, @q) > 0 OR instr(COALESCE(r.department, ''), @q) > 0 OR instr(COALESCE(r.region, ''), @q) > 0 OR @q IS NULL)
           AND (r.kind = @kind OR @kind IS NULL) AND (r.fiscal_year = @year OR @year IS NULL) AND (r.region = @region OR @region IS NULL)
         ORDER BY r.file`,
      { q: q.q || null, kind: q.kind || null, year: q.year ?? null, region: q.region || null },
    );
    return c.json({ documents: rows, facets: { kinds: await distinctOf(ctx, 'kind'), years: await distinctOf(ctx, 'fiscal_year'), regions: await distinctOf(ctx, 'region') } });
  });

  app.get('/:sha256', async (c) => {
    const sha256 = parseOr400(Sha256, c.req.param('sha256'));
    const run = await latestRun(ctx, sha256);
    const pages = await ctx.store.rows<{ number: number }>('SELECT number, width, height, source FROM pages WHERE run_id = ? ORDER BY number', [run.run]);
    const turned = await turnedPages(ctx, sha256, run.extractor_version);
    const tables = (await ctx.store.rows('SELECT idx, kind, title, unit, pages, n_rows, n_cols, records FROM tables WHERE run_id = ? ORDER BY idx', [run.run])).map((t) => ({ ...t, pages: JSON.parse(t.pages as string) as unknown }));
    const { findings, resolved } = await revalidate(ctx.store, run.run, await storedFindings(ctx, run.run));
    return c.json({ document: run, pages: pages.map((p) => ({ ...p, turned: turned.get(p.number) ?? 0 })), tables, findings, resolved, corrections: await ctx.store.listCorrections(sha256) });
  });

  // by sha256 only: the file is the one ingested under that sha256, checked again before it is sent;
  // not on this machine (ingested by a worker elsewhere), the bytes queued in PostgreSQL stand in
  app.get('/:sha256/pdf', async (c) => {
    const sha256 = parseOr400(Sha256, c.req.param('sha256'));
    const run = await latestRun(ctx, sha256);
    if (run.format !== 'pdf') notFound(`a PDF of document ${sha256}`);
    let bytes: Uint8Array | null = null;
    try {
      bytes = new Uint8Array(readFileSync(resolve(run.file)));
    } catch {
      // not readable here: the queued bytes, if any, below
    }
    const changed = bytes !== null && createHash('sha256').update(bytes).digest('hex') !== sha256;
    if (bytes === null || changed) bytes = await queuedBytes(ctx.store, sha256);
    if (bytes === null) return changed ? c.json({ error: `${run.file} has changed since it was ingested` }, 409) : notFound(`the file of document ${sha256} (${run.file})`);
    return c.body(new Uint8Array(bytes), 200, { 'content-type': 'application/pdf', 'cache-control': 'private, max-age=3600' });
  });

  app.get('/:sha256/pages/:page/cells', async (c) => {
    const { sha256, page } = parseOr400(PageParams, c.req.param());
    const run = await latestRun(ctx, sha256);
    const broken = new Set((await liveFindings(ctx, sha256)).findings.filter((f) => f.severity === 'error').flatMap((f) => f.cells.map(cellAt)));
    const rows = await ctx.store.rows<Record<string, unknown> & { x0: number; y0: number; flags: string; confidence: number | null }>(
      `SELECT ci.table_idx, ci."table", ci.page, ci.row, ci.col, ci.x0, ci.y0, ci.x1, ci.y1, ci.side, ci.panel, ci.code, ci.code_resolved, ci.label,
                ci.measure, ci.printed, ci.unit, ci.amount_fen, ci.flags, ci.run_id AS run, ci.row_key, ci.corrected, c.confidence, c.source
         FROM corrected_items ci
         LEFT JOIN cells c ON c.run_id = ci.run_id AND c.table_idx = ci.table_idx AND c.row = ci.row AND c.col = ci.col
         WHERE ci.run_id = ? AND ci.page = ? AND ci.x0 IS NOT NULL ORDER BY ci.table_idx, ci.row, ci.col`,
      [run.run, page],
    );
    const cells = rows.map((r) => {
      const flags = JSON.parse(r.flags) as string[];
      const state = r.corrected
        ? 'corrected'
        : broken.has(cellAt({ tableIndex: r.table_idx as number, page, bbox: r }))
          ? 'breaks'
          : // drawn unsure where the parser's flags doubt its amount or its meaning
            amountUnsure(flags) || meaningUnsure(flags)
            ? 'low'
            : 'read';
      return { ...r, flags, state };
    });
    const size = await firstRow(ctx, 'SELECT width, height FROM pages WHERE run_id = ? AND number = ?', [run.run, page]);
    return c.json({ page, size: size ?? null, cells });
  });

  app.get('/:sha256/tables/:idx', async (c) => {
    const { sha256, idx } = parseOr400(TableParams, c.req.param());
    const run = await latestRun(ctx, sha256);
    const table = await firstRow(ctx, 'SELECT idx, kind, title, unit, pages, n_rows, n_cols, records FROM tables WHERE run_id = ? AND idx = ?', [run.run, idx]);
    if (!table) notFound(`table ${idx} of document ${sha256}`);
    const cells = await ctx.store.rows('SELECT row, col, row_span, col_span, page, text, confidence FROM cells WHERE run_id = ? AND table_idx = ? ORDER BY row, col', [run.run, idx]);
    // ordered, so both backends give the same list (one record per cell)
    const records = await ctx.store.rows('SELECT row, col, "table", code, code_resolved, label, measure, printed, unit, amount_fen, row_key, corrected, page FROM corrected_items WHERE run_id = ? AND table_idx = ? ORDER BY row, col', [run.run, idx]);
    return c.json({ table, cells, records });
  });

  return app;
}
