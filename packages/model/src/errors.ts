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
