import type { Cell, Finding } from '@juesuan/model';

/**
 * An amount column's cell that OCR read with digits but not as an amount ("1oo.0O", "4,968.3 4"):
 * no record is made of it, and the finding says so, so the value is missed in plain sight.
 */
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
