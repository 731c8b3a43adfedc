import { describe, expect, it } from 'vitest';
import { fewestMisread, literalSegments, nearestSubstring, nearlyMatches } from './title-near-match.ts';

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

  it('allows two characters misread in place in one word of five or more, and nothing else beside', () => {
    expect(fewestMisread('政府性基金', '财政拨款政府件基鉴支出预算表')).toEqual({ misread: 2, end: 9, adjacent: false, kept: ['政府', '基'] });
    expect(nearlyMatches(/政府性基金/, '财政拨款政府件基鉴支出预算表')).toBe(true);
    // two added or dropped, or two side by side, are another kind's words, not a misreading
    expect(nearlyMatches(/财政拨款基本支出/, '财政拨款收入支出决算总表')).toBe(false);
    expect(nearlyMatches(/财政拨款基本支出/, '财政拨款支出预算表')).toBe(false);
    // three misread, or two misread and one more edit elsewhere, name nothing
    expect(nearlyMatches(/政府性基金/, '财政拨款政付件基鉴支出预算表')).toBe(false);
    expect(nearlyMatches(/一般公共预算.*基本支出/, '一般公兵预箕基本支山表')).toBe(false);
    // a short word holds none
    expect(nearlyMatches(/项目支出/, '基本支出预算表')).toBe(false);
  });

  it('allows two side by side only beside a run of three that the caller says no other kind has', () => {
    expect(fewestMisread('政府性基金', '政府性培人预算表')).toEqual({ misread: 2, end: 5, adjacent: true, kept: ['政府性'] });
    const onlyGovFund = (run: string) => run === '政府性';
    expect(nearlyMatches(/政府性基金/, '政府性培人预算表')).toBe(false);
    expect(nearlyMatches(/政府性基金/, '政府性培人预算表', undefined, onlyGovFund)).toBe(true);
    // the runs kept are other kinds' words: 财政拨款 and 支出
    expect(nearlyMatches(/财政拨款基本支出/, '财政拨款收入支出决算表', undefined, onlyGovFund)).toBe(false);
    // a run of two is too short to name a kind: 政府 with 性基 misread
    expect(nearlyMatches(/政府性基金/, '政府怯墓金预算表', undefined, () => true)).toBe(false);
  });
});
