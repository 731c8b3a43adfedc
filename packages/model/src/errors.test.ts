import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorLine } from './errors.ts';

describe('errorLine', () => {
  it('tells a failed check by its first issue, where and what, not the "[" its message opens with', () => {
    const failed = z.object({ facts: z.array(z.object({ percent: z.number() })) }).safeParse({ facts: [{ percent: 1 }, { percent: Number.NaN }] });
    expect(failed.success).toBe(false);
    expect(failed.error!.message.split('\n')[0]).toBe('[');
    expect(errorLine(failed.error)).toBe('invalid facts.1.percent: Invalid input: expected number, received NaN');
  });

  it('tells any other error by its message’s first line', () => {
    expect(errorLine(new Error('cannot read\n  at somewhere'))).toBe('cannot read');
    expect(errorLine('plain words')).toBe('plain words');
  });
});
