/**
 * Record flags that carry a value after a colon: what OCR first read (`read_as:20,702.26`,
 * `code_read:2040603`, `label_read:收人合计`), the code a row's name alone gives (`name_says:`), the
 * measure a column took from its sums (`measure_read:`). Written and read here only.
 */
export type ValueFlag = 'read_as' | 'code_read' | 'label_read' | 'name_says' | 'measure_read';

export const flagWith = (flag: ValueFlag, value: string | null): string => `${flag}:${value}`;

/** The value of the first such flag, if any. */
export const flagValue = (flags: readonly string[], flag: ValueFlag): string | undefined => flags.find((f) => f.startsWith(`${flag}:`))?.slice(flag.length + 1);

/** Flags that say an amount may not be the one printed: read unsure, or mended by an identity (what OCR read kept in `read_as:`). */
const AMOUNT_DOUBTS: ReadonlySet<string> = new Set(['low_confidence', 'repaired_by_identity']);

/**
 * Flags that say a value's meaning may be another: its code matched by name unsurely, at odds with its
 * name, its label or the codes around it, read two ways, or taken over what was read (`code_read:`);
 * its measure given by the sums, not the header (`measure_read:`).
 */
const MEANING_DOUBTS: ReadonlySet<string> = new Set(['code_low_score', 'code_tie', 'code_name_mismatch', 'code_label_mismatch', 'code_out_of_order', 'code_disputed']);

/** The flags say the amount may not be the printed one. */
export const amountUnsure = (flags: readonly string[]): boolean => flags.some((f) => AMOUNT_DOUBTS.has(f) || f.startsWith(flagWith('read_as', '')));

/** The flags say the code or the measure may be another. */
export const meaningUnsure = (flags: readonly string[]): boolean => flags.some((f) => MEANING_DOUBTS.has(f) || f.startsWith(flagWith('code_read', '')) || f.startsWith(flagWith('measure_read', '')));
