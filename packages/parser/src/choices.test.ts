import { describe, expect, it } from 'vitest';
import { choices, subsets } from './choices.ts';

describe('choices and subsets of a list', () => {
  it('chooses every set of a size, in order', () => {
    expect(choices(['a', 'b', 'c'], 2)).toEqual([['a', 'b'], ['a', 'c'], ['b', 'c']]);
    expect(choices(['a'], 2)).toEqual([]);
  });

  it('lists every subset with at least the fewest items asked, none empty', () => {
    expect(subsets(['a', 'b', 'c'])).toHaveLength(7);
    expect(subsets(['a', 'b', 'c'], 2)).toEqual([['a', 'b'], ['a', 'c'], ['b', 'c'], ['a', 'b', 'c']]);
    expect(subsets([])).toEqual([]);
  });
});
