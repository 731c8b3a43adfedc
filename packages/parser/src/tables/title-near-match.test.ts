import { describe, expect, it } from 'vitest';
import { literalSegments, nearestSubstring, nearlyMatches } from './title-near-match.ts';

describe('a title pattern matched with a character or so misread', () => {
  it('takes only patterns of Chinese words joined by .*', () => {
    expect(literalSegments(/一般公共预算.*支出/)).toEqual(['一般公共预算', '支出']);
    expect(literalSegments(/整体.*绩效|绩效.*整体/)).toBeNull();
  });

  it('finds the nearest substring and where it ends', () => {
    expect(nearestSubstring('一般公共预算', '般公共预算财政拨款')).toEqual({ edits: 1, end: 5 });
    expect(nearestSubstring('支出', '财政拨款支出决算表', 3)).toEqual({ edits: 0, end: 6 });
  });

  it('allows one edit in all, in a word of five characters or more', () => {
    expect(nearlyMatches(/一般公共预算.*支出/, '般公共预算财政拨款支出决算表')).toBe(true);
    expect(nearlyMatches(/一般公共预算.*支出/, '般公共算财政拨款支出决算表')).toBe(false);
    expect(nearlyMatches(/一般公共预算.*支出/, '一般公共预算财政拨款攴山决算表')).toBe(false);
    expect(nearlyMatches(/一般公共预算.*支出/, '一般公共预算财政拨款支出决算表')).toBe(false);
    // a kind's words short of one of theirs are another kind's: 财政拨款支出 is not 财政拨款基本支出 misread
    expect(nearlyMatches(/财政拨款基本支出/, '财政拨款支出决算表')).toBe(false);
    expect(nearlyMatches(/财政拨款基本支出/, '财政拨款本支出决算表')).toBe(true);
    // the segments in order: the words after the first are looked for after it
    expect(nearlyMatches(/一般公共预算.*支出/, '支出一般公共预')).toBe(false);
  });
});
