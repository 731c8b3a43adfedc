import { describe, expect, it } from 'vitest';
import { findUnit, isPageFooter } from './table-meta.ts';

describe('findUnit', () => {
  it('reads the unit line in its usual forms', () => {
    expect(findUnit('单位：万元')).toBe('万元');
    expect(findUnit('金额单位:元')).toBe('元');
    expect(findUnit('编制部门：示例县教育局 单位：元')).toBe('元');
  });

  it('tolerates an OCR misreading of 单 before 位 and a colon, and nothing looser', () => {
    expect(findUnit('十位:万元')).toBe('万元');
    expect(findUnit('万元')).toBeNull();
    expect(findUnit('项目支出为30万元')).toBeNull();
  });
});

describe('isPageFooter', () => {
  it('knows page furniture from content', () => {
    expect(['12', '- 12 -', '第 3 页', '3/20'].every(isPageFooter)).toBe(true);
    expect(isPageFooter('合计 12')).toBe(false);
  });
});
