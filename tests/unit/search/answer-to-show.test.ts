import { describe, expect, it } from 'vitest';
import { answerToShow } from '@/hooks/useLibrarySearch';
import { parseQuery } from '@/utils/search/query';
import type { SearchResult } from '@/utils/search/engine';

const answer = (text: string, ids: string[]): SearchResult => ({ text, query: parseQuery(text), ids, total: ids.length, terms: new Set(), relaxed: false });

describe('the answer a search shows', () => {
  it('is the answer at once, else the later answer to this question, else what is on screen', () => {
    // "p": its rows had to be read, so its answer came later.
    const p = answer('p', ['a']);
    expect(answerToShow({ query: 'p', now: p, revision: 0 }, null, null, null)).toBeNull();
    expect(answerToShow({ query: 'p', now: p, revision: 0 }, null, { answer: p, of: p, revision: 0 }, null)).toBe(p);
    // "po": answered at once.
    const po = answer('po', ['b']);
    expect(answerToShow({ query: 'po', now: po, revision: 0 }, po, { answer: p, of: p, revision: 0 }, p)).toBe(po);
    // "poi": rows to read. "po" stays on screen: "p"'s later answer never comes back over it.
    const poi = answer('poi', ['c']);
    expect(answerToShow({ query: 'poi', now: poi, revision: 0 }, null, { answer: p, of: p, revision: 0 }, po)).toBe(po);
    expect(answerToShow({ query: 'poi', now: poi, revision: 0 }, null, { answer: poi, of: poi, revision: 0 }, po)).toBe(poi);
  });

  it('never shows a later answer given before the library changed', () => {
    // The same query, answered anew after a change, its rows being read: the answer on screen
    // (after the change) stays, not the one read before it.
    const before = answer('pointer', ['removed', 'kept']);
    const after = answer('pointer', ['kept']);
    const again = answer('pointer', ['kept', 'new']);
    expect(answerToShow({ query: 'pointer', now: again, revision: 2 }, null, { answer: before, of: before, revision: 0 }, after)).toBe(after);
    // A quoted phrase has no answer at once: its later answer counts for the revision it was given in.
    const phrase = answer('"pointer networks"', ['removed']);
    const shown = answer('"pointer networks"', []);
    expect(answerToShow({ query: '"pointer networks"', now: null, revision: 1 }, null, { answer: phrase, of: null, revision: 0 }, shown)).toBe(shown);
    expect(answerToShow({ query: '"pointer networks"', now: null, revision: 1 }, null, { answer: shown, of: null, revision: 1 }, phrase)).toBe(shown);
  });
});
