/** 分 per one printed unit. */
export const FEN_PER_UNIT: Record<string, bigint> = {
  元: 100n,
  千元: 100_000n,
  万元: 1_000_000n,
  亿元: 10_000_000_000n,
};

export interface ParsedAmount {
  fen: number;
  /** the printed string had more decimals than the unit can hold in 分 */
  inexact: boolean;
}

const ZERO_MARKS = /^[-–—－]+$/;

/** Full-width digits and punctuation → ASCII, stray spaces out. */
export function normalizeNumberText(printed: string): string {
  return printed
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[，]/g, ',')
    .replace(/[．。]/g, '.')
    .replace(/[−﹣－]/g, '-')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/\s+/g, '');
}

/** An amount whose decimals OCR lost at the cell's edge (196. for 196.72): three digits or grouped ones before a bare point, no code and no name. */
export function isCutShortAmount(printed: string): boolean {
  return /^\d{1,3}(?:,\d{3})+\.$|^\d{3,}\.$/.test(normalizeNumberText(printed));
}

/** An amount no report prints: a zero before another digit (072.56, 00.00), so a digit was misread (a 5 read 0). */
export function hasLeadingZero(printed: string): boolean {
  return /^[-(]?0[\d,]/.test(normalizeNumberText(printed));
}

/** Is this cell text a printed amount (or a printed zero mark)? */
export function looksLikeAmount(printed: string): boolean {
  const t = normalizeNumberText(printed);
  if (ZERO_MARKS.test(t)) return true;
  return /^\(?-?\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?$|^\(?-?\d+(?:\.\d+)?\)?$/.test(t);
}

/**
 * A printed amount → an exact integer of 分, by decimal string arithmetic (never a float).
 * `1,467.16`, `12905. 09`, `-` / `—` (zero), `(12.30)` and `-12.30` (negative).
 */
export function parseAmount(printed: string, unit: string): ParsedAmount | null {
  const perUnit = FEN_PER_UNIT[unit];
  if (perUnit === undefined) return null;
  let t = normalizeNumberText(printed);
  if (t === '') return null;
  if (ZERO_MARKS.test(t)) return { fen: 0, inexact: false };
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1);
  }
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(t)) return null;
  const [intPart, fracPart = ''] = t.replace(/,/g, '').split('.') as [string, string?];
  const scaleDigits = perUnit.toString().length - 1; // 元 → 2, 万元 → 6
  const frac = fracPart.slice(0, scaleDigits).padEnd(scaleDigits, '0');
  const inexact = fracPart.length > scaleDigits && /[1-9]/.test(fracPart.slice(scaleDigits));
  const fen = BigInt(intPart) * perUnit + BigInt(frac === '' ? '0' : frac);
  const value = negative ? -fen : fen;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return { fen: Number(value), inexact };
}

/** 分 → the printed form in a unit, for messages: 9746500000 万元 → "9746.50". */
export function formatFen(fen: number, unit: string): string {
  const perUnit = FEN_PER_UNIT[unit] ?? 100n;
  const v = BigInt(fen);
  const sign = v < 0n ? '-' : '';
  const abs = v < 0n ? -v : v;
  const whole = abs / perUnit;
  const rest = abs % perUnit;
  const digits = perUnit.toString().length - 1;
  let frac = rest.toString().padStart(digits, '0');
  frac = frac.length > 2 ? frac.replace(/0+$/, '').padEnd(2, '0') : frac;
  return `${sign}${whole}.${frac}`;
}
