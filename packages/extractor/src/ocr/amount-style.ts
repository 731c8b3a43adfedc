/**
 * The way a page prints its amounts, to doubt a reading that does not fit it: a page that groups
 * thousands (1,754.17) prints no 1765.50, so a long amount read without grouping has likely taken
 * in a digit too many (a speck, or heavy print doubling a stroke).
 */
const GROUPED = /^[-(]?\d{1,3}(,\d{3})+\.\d{2}\)?$/;
const UNGROUPED_LONG = /^[-(]?\d{4,}\.\d{2}\)?$/;

/** Whole digits with thousands commas. */
export const withCommas = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Amounts of a page it takes to know its style. */
export const STYLE_EVIDENCE = 3;

/** Whether the page's amounts group thousands: enough grouped ones, and hardly any long one left ungrouped. */
export function groupsThousands(texts: string[]): boolean {
  const grouped = texts.filter((t) => GROUPED.test(t)).length;
  const ungrouped = texts.filter((t) => UNGROUPED_LONG.test(t)).length;
  return grouped >= STYLE_EVIDENCE && ungrouped * 4 <= grouped;
}

/** A long amount without grouping, on a page that groups thousands. */
export function misfitsGrouping(text: string, pageGroups: boolean): boolean {
  return pageGroups && UNGROUPED_LONG.test(text);
}

/** The readings with one digit of the whole part left out, grouped as the page groups them. */
export function withoutOneDigit(text: string): string[] {
  const m = /^([-(]?)(\d+)(\.\d{2}\)?)$/.exec(text);
  if (!m) return [];
  const whole = m[2]!;
  const out = new Set<string>();
  for (let k = 0; k < whole.length; k++) {
    const rest = whole.slice(0, k) + whole.slice(k + 1);
    if (rest.length > 1 && rest.startsWith('0')) continue;
    out.add(`${m[1]}${withCommas(rest)}${m[3]}`);
  }
  return [...out];
}

/** A reading of bare digits with the decimal mark put back before its last two (12742 → 127.42), grouped; none for other readings. */
export function withTwoDecimals(text: string): string[] {
  const m = /^([-(]?)(\d+)(\d{2})(\)?)$/.exec(text);
  if (!m || (m[2]!.length > 1 && m[2]!.startsWith('0'))) return [];
  return [`${m[1]}${withCommas(m[2]!)}.${m[3]}${m[4]}`];
}

const TWO_DECIMALS = /^[-(]?\d[\d,]*\.\d{2}\)?$/;

/** An amount printed with two decimals (1,754.17). */
export const hasTwoDecimals = (text: string) => TWO_DECIMALS.test(text);

/** Whether a column's readings are amounts with two decimals: enough of them, and most of its digit readings. */
export function printsTwoDecimals(texts: string[]): boolean {
  const marked = texts.filter(hasTwoDecimals).length;
  const digits = texts.filter((t) => /\d/.test(t)).length;
  return marked >= STYLE_EVIDENCE && marked * 4 >= digits * 3;
}

/** Bare digits, three or more: an amount whose decimal mark was lost (in a column of two-decimal amounts). */
export function lacksMark(text: string): boolean {
  return /^\d{3,}$/.test(text);
}

/** Decimals that stop short of two ("25.", "25.0"): the reading cut off at the cell's edge (in a column of two-decimal amounts). */
export function endsShort(text: string): boolean {
  return /^[-(]?\d[\d,]*[.,]\d?$/.test(text);
}
