import { describe, expect, it } from 'vitest';
import { readingLattice } from './reading-lattice.ts';

describe('readingLattice', () => {
  it('mixes the digits readings disagree on', () => {
    expect(readingLattice('1,968.34', ['1,968.31', '4,968.31'])).toEqual(['4,968.34']);
  });

  it('mixes only readings laid out alike, and gives up on too many mixes', () => {
    expect(readingLattice('1,968.34', ['968.31', '1968.31'])).toEqual([]);
    expect(readingLattice('1111', ['2222', '3333'])).toEqual([]);
  });
});
