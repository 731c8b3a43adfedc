import { LOOKALIKE_GROUPS, NUMERAL_STROKE_LOOKALIKES, QUOTE_MARKS, classBody } from '@juesuan/model';

/**
 * Characters OCR (and some font maps) confuse in table titles and headers, as pairs read → meant.
 * Applied to titles before they are matched, never to the stored text.
 */
export const TITLE_CONFUSIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/收人/g, '收入'],
  [/单仨|单住|单伭/g, '单位'],
  [/支山|攴出|支岀/g, '支出'],
  [/岀/g, '出'],
  [/預/g, '预'],
  [/決|泱/g, '决'],
  [/苐/g, '第'],
  [/般公共/g, '般公共'],
  [/一般公兵|一般公其/g, '一般公共'],
  [/基木|其本|甚本/g, '基本'],
  [/政府性基仝/g, '政府性基金'],
  [new RegExp(`[${classBody(QUOTE_MARKS)}]`, 'g'), ''],
];

export function normalizeConfusions(text: string): string {
  return TITLE_CONFUSIONS.reduce((t, [re, to]) => t.replace(re, to), text);
}

const CANONICAL = new Map<string, string>(LOOKALIKE_GROUPS.flatMap((g) => [...g].map((c) => [c, g[0]!] as [string, string])));

function canonicalChars(text: string): string {
  let out = '';
  for (const c of text) out += CANONICAL.get(c) ?? c;
  return out;
}

/** The one-stroke 一 read as a dash or two (--般公共预算). */
const ONE_AS_DASHES = new RegExp(`[${classBody(NUMERAL_STROKE_LOOKALIKES['一'])}]{1,2}`, 'g');

/**
 * Every look-alike (the model's registry) put to its group's first, and a 一 read as dashes put
 * back: a title no pair above repairs is compared through it on both sides, so any one character
 * misread still names its table. Never stored.
 */
export function canonicalConfusable(text: string): string {
  return canonicalChars(text.replace(ONE_AS_DASHES, '一'));
}

const canonicalRegexps = new WeakMap<RegExp, RegExp>();

/** A title pattern of literal Chinese with its characters put to their groups' firsts. */
export function canonicalPattern(re: RegExp): RegExp {
  let out = canonicalRegexps.get(re);
  if (!out) {
    out = new RegExp(canonicalChars(re.source), re.flags);
    canonicalRegexps.set(re, out);
  }
  return out;
}
