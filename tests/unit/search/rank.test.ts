import { describe, expect, it } from 'vitest';
import { parseQuery } from '@/utils/search/query';
import { Ranker } from '@/utils/search/rank';
import type { RankText } from '@/utils/search/word-index';

const text = (id: string, title: string, savedAt: number): RankText => ({ id, title, authors: 'Ada Lovelace', tags: '', notes: '', savedAt });

describe('Ranker', () => {
  it('weighs what a paper says now: an edit after clear() reaches a word already weighed', () => {
    const ranker = new Ranker();
    const query = parseQuery('sequence');
    const a = text('a', 'Pointer Networks', 2);
    const b = text('b', 'Sequence to Sequence Learning', 1);
    // Equal scores from the word index: Fuse.js decides, and only b's title holds the word.
    expect(ranker.rank([a, b], [1, 1], query).map((p) => p.id)).toEqual(['b', 'a']);
    // a's title is edited: the papers changed, so the ranker is told.
    ranker.clear();
    const edited = text('a', 'Sequence Pointer Networks', 2);
    const plain = text('b', 'Learning to Learn', 1);
    expect(ranker.rank([edited, plain], [1, 1], query).map((p) => p.id)).toEqual(['a', 'b']);
    // Many candidates at once, each weighed from its own fields.
    const many = Array.from({ length: 60 }, (_, i) => text(`p${i}`, i === 37 ? 'A sequence model' : `Paper ${i}`, 100 - i));
    expect(ranker.rank(many, many.map(() => 1), query)[0]!.id).toBe('p37');
  });
});
