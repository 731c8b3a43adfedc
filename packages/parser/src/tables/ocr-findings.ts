import type { Cell, Finding } from '@juesuan/model';

// what stands in an amount column for "nothing" besides the zero dashes: a slash, a cross, 无
const BLANK_MARK = /^[\/\\*＊×xX无]$/;
const WORDS = /[\u4e00-\u9fff]{2,}/;

/** Chinese read in an amount column less surely than this is no words: an amount the recogniser made nothing of (月腾:奶; for 11.53). */
const SURE_WORDS = 0.6;

/**
 * An amount column's OCR text that is no amount: digits not read as one ("1oo.0O", "4,968.3 4"),
 * or marks that are no words either ("P口Mil", an amount the recogniser could not make out), or words read unsure.
 */
export function unreadableAmountText(text: string, confidence = 1): boolean {
  const t = text.replace(/\s+/g, '');
  return t !== '' && !BLANK_MARK.test(t) && (/\d/.test(t) || !WORDS.test(t) || confidence < SURE_WORDS);
}

/** Such a cell: no record is made of it, and the finding says so, so the value is missed in plain sight. */
export function unreadableOcrAmount(tableIndex: number, cell: Cell): Finding {
  return {
    rule: 'ocr.unreadable_amount',
    severity: 'warning',
    messageZh: `表 ${tableIndex} 第 ${cell.row + 1} 行第 ${cell.col + 1} 列识别为「${cell.text}」，不是金额：该数值未录入，请核对原件`,
    messageEn: `table ${tableIndex} row ${cell.row + 1} column ${cell.col + 1} was read by OCR as "${cell.text}", which is no amount: no record was made of it; check the page`,
    cells: [{ tableIndex, page: cell.page, bbox: cell.bbox, printed: cell.text }],
    suggestion: null,
  };
}
