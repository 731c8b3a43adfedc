import { Hono } from 'hono';
import { z } from 'zod';
import { CorrectionField } from '@juesuan/model';
import { parseAmount } from '@juesuan/parser';
import type { ServerContext } from './context.ts';
import { firstRow, latestRun, liveFindings, Sha256 } from './document-routes.ts';
import { jsonBody, notFound, parseOr400 } from './http-errors.ts';

const NewCorrection = z
  .object({
    documentSha256: Sha256,
    table: z.string().min(1).max(100),
    rowKey: z.string().min(1).max(500),
    measure: z.string().min(1).max(100),
    field: CorrectionField,
    value: z.string().trim().min(1).max(500),
    reason: z.string().trim().min(1, 'a correction needs a reason').max(2000),
  })
  .strict();

interface RecordRow {
  printed: string;
  unit: string;
  code_resolved: string | null;
  label: string | null;
}

export function correctionRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.get('/', async (c) => {
    const document = c.req.query('document');
    return c.json({ corrections: await ctx.store.listCorrections(document === undefined ? undefined : parseOr400(Sha256, document)) });
  });

  app.post('/', async (c) => {
    const body = parseOr400(NewCorrection, await jsonBody(c));
    const { run } = await latestRun(ctx, body.documentSha256);
    // before this correction is stored, the item's code and label are what the run (or an earlier correction) has
    const record = await firstRow<RecordRow>(
      ctx,
      `SELECT printed, unit, code_resolved, label FROM corrected_items WHERE run_id = ? AND "table" = ? AND row_key = ? AND (? = '*' OR measure = ?) ORDER BY row, col LIMIT 1`,
      [run, body.table, body.rowKey, body.measure, body.measure],
    );
    if (!record) notFound(`a record ${body.table} ${body.rowKey} ${body.measure} of document ${body.documentSha256}`);
    const isAmount = body.field === 'amount';
    if (isAmount === (body.measure === '*')) return c.json({ error: "measure: an amount names its measure; a code or label correction uses '*'" }, 400);
    const amount = isAmount ? parseAmount(body.value, record.unit) : null;
    if (isAmount && !amount) return c.json({ error: `value: ${body.value} is not an amount` }, 400);
    const original = isAmount ? record.printed : body.field === 'code' ? record.code_resolved : record.label;
    const saved = await ctx.store.saveCorrection({ ...body, amountFen: amount?.fen ?? null, original, createdAt: new Date().toISOString() });
    return c.json({ correction: saved, ...(await liveFindings(ctx, body.documentSha256)) }, 201);
  });

  app.delete('/:id', async (c) => {
    const id = parseOr400(z.coerce.number().int().positive(), c.req.param('id'));
    if (!(await ctx.store.deleteCorrection(id))) notFound(`correction ${id}`);
    return c.json({ deleted: id });
  });

  return app;
}
