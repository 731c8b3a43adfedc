import { describe, expect, it } from 'vitest';
import { findUnit, TABLE_DESCRIPTION } from '@juesuan/model';
import { restoreUnit } from './unit-read.ts';

describe('a unit line misread by OCR', () => {
  it('is read as the unit it prints', () => {
    expect(findUnit(restoreUnit('单位:万无'))).toBe('万元');
    expect(findUnit(restoreUnit('朋位:万江'))).toBe('万元');
    expect(findUnit(restoreUnit('单仨：刀元'))).toBe('万元');
    expect(findUnit(restoreUnit('单位:兀'))).toBe('元');
    expect(findUnit(restoreUnit('金额单位：千无'))).toBe('千元');
    // a semicolon for the colon: the line no longer ends a table's heading (TABLE_DESCRIPTION)
    expect(restoreUnit('单位;万元')).toBe('单位：万元');
    expect(TABLE_DESCRIPTION.test(restoreUnit('单位；万元'))).toBe(true);
    // an ampersand for the colon (read off paper shaded by uneven light)
    expect(findUnit(restoreUnit('单位&万元'))).toBe('万元');
  });

  it('leaves other lines and units read right as they are', () => {
    expect(restoreUnit('单位:万元')).toBe('单位:万元');
    expect(restoreUnit('部门:江苏省政协办公厅')).toBe('部门:江苏省政协办公厅');
    expect(restoreUnit('单位:上海市普陀区商务委员会')).toBe('单位:上海市普陀区商务委员会');
    expect(restoreUnit('无')).toBe('无');
  });
});
