/**
 * Characters OCR takes for one another in printed Chinese: the one registry of them. Each group
 * is led by the character reports print most. The parser compares titles and headers through the
 * groups; the extractor restores the few OCR lines whose place says what they must read (a unit
 * line, an item numbering).
 */
export const LOOKALIKE_GROUPS: readonly string[] = [
  '入人八',
  '位仨住伭估',
  '出山岀击申',
  '支攴文友',
  '预預颈顶颂',
  '决決泱快诀设',
  '算箕篡答',
  '表衣袁麦',
  '基墓甚',
  '金全仝佥',
  '额频颁颖颜颧颤',
  '般股船航殷',
  '共其兵',
  '府肘腑',
  '政攻',
  '财材则',
  '拨拔',
  '经轻径绅绎',
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
  '单朋甲早',
  '元无兀亢江尢丌',
  '万刀方力',
  '七匕',
  '合台吾吏',
  '计讥',
  '四凶',
  '六关',
  '数敏',
  '待彼',
];

/**
 * Strokes OCR reads for the thinnest numerals, symbols among them, in their half- and full-width
 * forms (a 一 read narrow comes out －). Kept apart from the groups: a group is put into patterns'
 * sources, where + and - are syntax.
 */
export const NUMERAL_STROKE_LOOKALIKES: Readonly<Record<'十' | '一' | '二', string>> = { 十: '升千干于士土卞+＋', 一: '-—–_~－‐―ー', 二: '=＝' };

/** Quotation marks, which OCR reads for one another (“三公" for “三公”), and fonts map apart. */
export const QUOTE_MARKS = '“”"\'‘’「」『』〝〞＂';

/**
 * Digits one of which print can become the other by losing strokes or running them together (a
 * fax's 4 that lost its slant and bar stands as a 1; heavy print closes a 3 into an 8): the
 * document's own digits, learned from its good prints, cannot tell such a pair apart on a spoilt glyph.
 */
export const DIGIT_STROKE_PAIRS: readonly string[] = ['14', '17', '38', '08', '68', '89'];

/** An amount's characters one to a printed glyph (digits and marks): spaces, brackets and the minus sign left out. */
export const glyphCharsOf = (amount: string): string[] => [...amount.replace(/[\s()-]/g, '')];

/** Whether print can turn one digit into the other by lost or run-together strokes (see DIGIT_STROKE_PAIRS). */
export const strokePair = (a: string, b: string): boolean => DIGIT_STROKE_PAIRS.some((p) => p === a + b || p === b + a);

const GROUP_OF = new Map<string, string>(LOOKALIKE_GROUPS.flatMap((g) => [...g].map((c) => [c, g] as [string, string])));

/** `c` and every character OCR takes for it. */
export function lookalikesOf(c: string): string {
  return GROUP_OF.get(c) ?? c;
}

/** The characters as the body of a regular-expression class ([…]), the class's own syntax escaped. */
export function classBody(chars: string): string {
  return chars.replace(/[\\\]\[^-]/g, '\\$&');
}
