import { describe, expect, it } from 'vitest';
import { recall, remember } from '@/utils/search/kept';

describe('caches held to a size', () => {
  it('lets the entry used longest ago go first', () => {
    const map = new Map<string, number>();
    for (const [i, key] of ['a', 'b', 'c'].entries()) expect(remember(map, key, i, 3)).toBe(i);
    expect(recall(map, 'a')).toBe(0);
    remember(map, 'd', 3, 3);
    expect([...map.keys()]).toEqual(['c', 'a', 'd']);
    // Putting a key in again replaces it without letting another go.
    remember(map, 'c', 9, 3);
    expect([...map]).toEqual([['a', 0], ['d', 3], ['c', 9]]);
    expect(recall(map, 'b')).toBeUndefined();
  });
});
