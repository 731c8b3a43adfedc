import { describe, expect, it } from 'vitest';
import type { AmountRecord } from '@juesuan/model';
import type { Identity } from './identities.ts';
import { centOffWhereNoneRounds } from './identities.ts';

/** A sum in 元 in table `tableIndex`: target = summands + `off` fen. */
function sum(tableIndex: number, off = 0): Identity {
  const cell = (amountFen: number) => ({ tableIndex, amountFen, unit: '元' }) as AmountRecord;
  return { rule: 'test', target: cell(300 + off), summands: [cell(100), cell(200)], descriptionZh: '', descriptionEn: '' };
}

describe('centOffWhereNoneRounds', () => {
  it('takes a cent off for a misread where the table\'s other sums hold to the cent', () => {
    const centOff = sum(0, 1);
    expect(centOffWhereNoneRounds([centOff, sum(0), sum(0), sum(1, 1), sum(1, -1)])).toEqual([centOff]);
  });

  it('asks the document where the table has too few sums of its own to tell', () => {
    const centOff = sum(0, 1);
    expect(centOffWhereNoneRounds([centOff, sum(0), sum(1), sum(2)])).toEqual([centOff]);
    // the document rounds elsewhere: a cent off may be printed
    expect(centOffWhereNoneRounds([centOff, sum(0), sum(1), sum(2, -1)])).toEqual([]);
    // another table's cent off that its own sums call misread is no rounding of the document's
    const misread = sum(1, 1);
    expect(centOffWhereNoneRounds([centOff, sum(0), misread, sum(1), sum(1), sum(2)])).toEqual([centOff, misread]);
    // too few exact sums anywhere
    expect(centOffWhereNoneRounds([centOff, sum(1)])).toEqual([]);
  });

  it('leaves a cent off where its own table rounds elsewhere, whatever the document does', () => {
    expect(centOffWhereNoneRounds([sum(0, 1), sum(0, -1), sum(1), sum(2), sum(3)])).toEqual([]);
  });
});
