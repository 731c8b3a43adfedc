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
  [/[“”"'‘’「」『』]/g, ''],
];

export function normalizeConfusions(text: string): string {
  return TITLE_CONFUSIONS.reduce((t, [re, to]) => t.replace(re, to), text);
}

/**
 * Characters OCR takes for one another in printed Chinese, each group with the character the
 * table titles use first. A title no pair above repairs is compared with every character put
 * to its group's first, on both sides, so any one of them misread still names its table.
 */
export const CONFUSABLE_GROUPS: readonly string[] = [
  '入人八',
  '位仨住伭估',
  '出山岀击',
  '支攴文友',
  '预預颈顶',
  '决決泱快',
  '算箕篡',
  '表衣袁麦',
  '基墓甚',
  '金全仝佥',
  '额频颁',
  '般股船',
  '共其兵',
  '府肘腑',
  '政攻',
  '财材则',
  '拨拔',
  '经轻径',
  '济挤',
  '资贤',
  '本木末',
  '收牧',
  '总忌',
  '部郎',
  '门们',
  '项顷',
  '目日自月',
  '功巧',
  '能熊',
  '类米',
  '运违',
  '行竹',
  '费贵',
  '三二',
  '公仑',
  '国围',
  '有肴',
  '采釆札',
  '购构',
  '性怕',
];

const CANONICAL = new Map<string, string>(CONFUSABLE_GROUPS.flatMap((g) => [...g].map((c) => [c, g[0]!] as [string, string])));

/** Every confusable character put to its group's first: compare two texts through it, never store it. */
export function canonicalConfusable(text: string): string {
  let out = '';
  for (const c of text) out += CANONICAL.get(c) ?? c;
  return out;
}

const canonicalRegexps = new WeakMap<RegExp, RegExp>();

/** A title pattern of literal Chinese with its characters put to their groups' firsts. */
export function canonicalPattern(re: RegExp): RegExp {
  let out = canonicalRegexps.get(re);
  if (!out) {
    out = new RegExp(canonicalConfusable(re.source), re.flags);
    canonicalRegexps.set(re, out);
  }
  return out;
}
