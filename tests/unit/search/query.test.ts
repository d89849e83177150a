import { describe, expect, it } from 'vitest';
import { isEmptyQuery, parseQuery } from '@/utils/search/query';

describe('query syntax', () => {
  it('reads free words, folding case and accents, dropping stop words', () => {
    expect(parseQuery('Rethinking the Value of Schäfl')).toMatchObject({
      words: ['rethinking', 'value', 'schafl'],
      lastWordIsPrefix: true,
    });
    expect(parseQuery('pointer ').lastWordIsPrefix).toBe(false);
  });

  it('keeps an unfinished last word even when it is a stop word so far', () => {
    expect(parseQuery('neural th').words).toEqual(['neural', 'th']);
    expect(parseQuery('neural the').words).toEqual(['neural', 'the']);
    expect(parseQuery('neural the ').words).toEqual(['neural']);
  });

  it('reads fields, phrases and exclusions', () => {
    const q = parseQuery('author:vinyals tag:to-read "exact phrase here" -survey source:hf year:2018..2020 attention');
    expect(q).toMatchObject({
      words: ['exact', 'phrase', 'here', 'attention'],
      phrases: [['exact', 'phrase', 'here']],
      excluded: ['survey'],
      authors: ['vinyals'],
      tags: ['#to-read'],
      sources: ['huggingface'],
      years: { min: 2018, max: 2020 },
      lastWordIsPrefix: true,
    });
    expect(parseQuery('author:"van der Berg"').authors).toEqual(['van', 'der', 'berg']);
  });

  it('reads every year form', () => {
    expect(parseQuery('year:2019').years).toEqual({ min: 2019, max: 2019 });
    expect(parseQuery('year:>2020').years).toEqual({ min: 2021, max: 2999 });
    expect(parseQuery('year:>=2020').years).toEqual({ min: 2020, max: 2999 });
    expect(parseQuery('year:<2015').years).toEqual({ min: 1900, max: 2014 });
    expect(parseQuery('year:2020..2018').years).toEqual({ min: 2018, max: 2020 });
  });

  it('searches an unknown field or an unreadable value as text, never failing', () => {
    expect(parseQuery('venue:neurips').words).toEqual(['venue', 'neurips']);
    expect(parseQuery('year:soon').words).toEqual(['year', 'soon']);
    expect(parseQuery('source:openreview').words).toEqual(['source', 'openreview']);
    expect(parseQuery('"unclosed phrase').phrases).toEqual([['unclosed', 'phrase']]);
    expect(() => parseQuery('-- : "" -" ::: year:')).not.toThrow();
  });

  it('knows an empty query', () => {
    expect(isEmptyQuery(parseQuery('   '))).toBe(true);
    expect(isEmptyQuery(parseQuery('tag:x'))).toBe(false);
  });
});
