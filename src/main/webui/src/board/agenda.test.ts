import { describe, expect, it } from 'vitest';
import { add, move, remove } from './agenda';

describe('planning an agenda', () => {
  it('moves a consult to another place, down or up, and clamps past the ends', () => {
    expect(move(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(move(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 9)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 1, 0)).toEqual(['b', 'a', 'c']);
  });
  it('adds a consult once and takes it off', () => {
    expect(add(['a'], 'b')).toEqual(['a', 'b']);
    expect(add(['a', 'b'], 'a')).toEqual(['a', 'b']);
    expect(remove(['a', 'b'], 'a')).toEqual(['b']);
  });
});
