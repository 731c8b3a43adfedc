import { z } from 'zod';

export const CorrectionField = z.enum(['amount', 'code', 'label']);
export type CorrectionField = z.infer<typeof CorrectionField>;

/**
 * A person's correction of one cell, keyed so it outlives runs: document, canonical table, row
 * key (side|panel|code:… or label:…) and measure ('*' when the row's code or label is corrected).
 */
export const Correction = z
  .object({
    documentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in lowercase hex'),
    table: z.string().min(1).max(100),
    rowKey: z.string().min(1).max(500),
    measure: z.string().min(1).max(100),
    field: CorrectionField,
    value: z.string().trim().min(1).max(500),
    /** the corrected amount in 分, for amounts */
    amountFen: z.number().int().nullable(),
    /** what the report printed when the correction was made */
    original: z.string().max(500).nullable(),
    reason: z.string().trim().min(1).max(2000),
    createdAt: z.string().min(1).max(40),
  })
  .strict()
  .refine((c) => (c.field === 'amount') === (c.amountFen !== null), { message: 'amountFen is given for amounts and only for amounts', path: ['amountFen'] })
  .refine((c) => (c.field === 'amount') === (c.measure !== '*'), { message: "measure is '*' for a row's code or label, a measure id for an amount", path: ['measure'] });
export type Correction = z.infer<typeof Correction>;
