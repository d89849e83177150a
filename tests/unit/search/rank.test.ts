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

  it('ranks the same after its caches have let the oldest papers go', () => {
    const ranker = new Ranker();
    const papers = Array.from({ length: 1300 }, (_, i) => text(`p${i}`, i % 7 ? `Paper ${i} on graphs` : `Sequence model ${i}`, i));
    const first = papers.slice(0, 50);
    const query = parseQuery('sequence');
    const before = ranker.rank(first, first.map(() => 1), query).map((p) => p.id);
    // The caches full (1,000 papers): half the candidates are the oldest kept, half are new.
    const rankAll = (r: Ranker, list: RankText[], q = query) => r.rank(list, list.map(() => 1), q).map((p) => p.id);
    for (let i = 50; i < 1000; i += 50) rankAll(ranker, papers.slice(i, i + 50), parseQuery(`graphs ${i}`));
    const mixed = [...papers.slice(0, 25), ...papers.slice(1000, 1025)];
    // A word not weighed yet: every candidate's index entry is asked for.
    const model = parseQuery('model');
    expect(rankAll(ranker, mixed, model)).toEqual(rankAll(new Ranker(), mixed, model));
    // Other candidates for other words push the first ones out, 50 at a time.
    for (let i = 1025; i < papers.length; i += 50) rankAll(ranker, papers.slice(i, i + 50), parseQuery(`graphs ${i}`));
    expect(rankAll(ranker, first)).toEqual(before);
    expect(rankAll(new Ranker(), first)).toEqual(before);
  });

  it('cuts each candidate’s short fields out once, until the papers change', () => {
    const ranker = new Ranker();
    let reads = 0;
    const read = (id: string) => (reads++, text(id, 'Title', 1));
    expect(ranker.textOf('a', read)?.id).toBe('a');
    expect(ranker.textOf('a', read)?.id).toBe('a');
    expect(reads).toBe(1);
    expect(ranker.textOf('gone', () => undefined)).toBeUndefined();
    ranker.clear();
    ranker.textOf('a', read);
    expect(reads).toBe(2);
  });
});
