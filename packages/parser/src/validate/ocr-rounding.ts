import type { AmountRecord, Finding } from '@juesuan/model';
import { formatFen } from '../amounts/parse-amount.ts';
import { buildIdentities } from './build-identities.ts';
import type { Identity } from './identities.ts';
import { holds } from './identities.ts';
import { ref } from './validate.ts';

/**
 * Identities of OCR cells that hold only within rounding (off by a cent or so): a last digit read
 * one off (944.06 for 944.05) looks just the same, so the cells are pointed at, for a look at the page.
 */
export function ocrRoundingFindings(records: AmountRecord[], ocrTables: Set<number>, identities: Identity[] = buildIdentities(records, ocrTables)): Finding[] {
  return identities
    .filter((i) => [i.target, ...i.summands].some((r) => ocrTables.has(r.tableIndex)))
    .flatMap((i) => {
      const off = i.target.amountFen - i.summands.reduce((s, r) => s + r.amountFen, 0);
      if (off === 0 || !holds(i)) return [];
      const by = formatFen(Math.abs(off), i.target.unit);
      return [
        {
          rule: 'ocr.identity_within_rounding',
          severity: 'warning' as const,
          messageZh: `${i.descriptionZh}：差 ${by}（${i.target.unit}），在舍入误差内成立；识别错一位末位数字也会如此，请核对原件`,
          messageEn: `${i.descriptionEn}: off by ${by} (${i.target.unit}), within rounding; an OCR digit misread by one would look the same: check the page`,
          cells: [ref(i.target), ...i.summands.map(ref)],
          suggestion: null,
        },
      ];
    });
}
