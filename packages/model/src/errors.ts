import { z } from 'zod';

/** One class per failure kind; `code` is stable and is what runs record. */
export class JuesuanError extends Error {
  constructor(
    readonly code: string,
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'JuesuanError';
  }
}

export class InputError extends JuesuanError {}
export class ExtractionError extends JuesuanError {}

/**
 * An error as one line for a message naming its file: a failed check by its first issue (where and
 * what; a ZodError's message is its issues as JSON, whose first line is "["), any other error by
 * its message's first line.
 */
export function errorLine(err: unknown): string {
  if (err instanceof z.ZodError) {
    const issue = err.issues[0];
    return issue ? `invalid ${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid value';
  }
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}
