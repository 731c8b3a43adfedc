export const NUMBERING = /^(?:[一二三四五六七八九十]+[、．.]|\d+[.、．](?!\d)|[（(][一二三四五六七八九十\d]+[)）])/;

/** The row's name as printed, whitespace and line breaks removed. */
export function cleanLabel(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Label without its numbering (一、 / 1. / （一）), for matching rows across tables and years. */
export function labelKey(label: string): string {
  return cleanLabel(label).replace(NUMBERING, '');
}

export function hasNumbering(label: string): boolean {
  return NUMBERING.test(cleanLabel(label));
}

export function isTotalLabel(label: string): boolean {
  return /(合计|总计|小计)$/.test(labelKey(label)) || /^(合计|总计|小计)/.test(labelKey(label));
}
