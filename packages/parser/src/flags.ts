/**
 * Record flags that carry a value after a colon: what OCR first read (`read_as:20,702.26`,
 * `code_read:2040603`, `label_read:收人合计`), the code a row's name alone gives (`name_says:`), the
 * measure a column took from its sums (`measure_read:`). Written and read here only.
 */
export type ValueFlag = 'read_as' | 'code_read' | 'label_read' | 'name_says' | 'measure_read';

export const flagWith = (flag: ValueFlag, value: string | null): string => `${flag}:${value}`;

/** The value of the first such flag, if any. */
export const flagValue = (flags: readonly string[], flag: ValueFlag): string | undefined => flags.find((f) => f.startsWith(`${flag}:`))?.slice(flag.length + 1);
