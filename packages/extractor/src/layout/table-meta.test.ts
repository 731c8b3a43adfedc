import { describe, expect, it } from 'vitest';
import { readTableMeta } from './table-meta.ts';

const line = (text: string, y0: number) => ({ text, bbox: { x0: 60, y0, x1: 500, y1: y0 + 12 }, fontSize: 12 });

describe('readTableMeta', () => {
  it('takes no sentence for a title, ended by 。 or ； or the ; OCR reads for ；', () => {
    // narrative above a chart's frame (a scan's): no table title stands there
    expect(readTableMeta([line('项目支出11343.27万元,卞34.20%单位预留机动经费3258.06万元,占9.82%;', 100)], []).title).toBeNull();
    expect(readTableMeta([line('一般公共预算支出预算表', 80), line('其中基本支出1000.00万元；', 100)], []).title).toBe('一般公共预算支出预算表');
  });
});
