import { ITEM_NUMBERING } from '@juesuan/model';

export { isTotalLabel, labelKey } from '@juesuan/model';

/** The row's name as printed, whitespace and line breaks removed. */
export function cleanLabel(text: string): string {
  return text.replace(/\s+/g, '');
}

export function hasNumbering(label: string): boolean {
  return ITEM_NUMBERING.test(cleanLabel(label));
}

