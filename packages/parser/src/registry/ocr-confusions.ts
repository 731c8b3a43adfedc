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
  [/基木/g, '基本'],
  [/政府性基仝/g, '政府性基金'],
  [/[“”"'‘’「」『』]/g, ''],
];

export function normalizeConfusions(text: string): string {
  return TITLE_CONFUSIONS.reduce((t, [re, to]) => t.replace(re, to), text);
}
