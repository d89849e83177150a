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

  it('lets a last word that cannot decide yet rank without requiring it', () => {
    // A stop word, the start of one, or one or two letters: ranked by, not required.
    expect(parseQuery('neural th')).toMatchObject({ words: ['neural'], typing: 'th', lastWordIsPrefix: false });
    expect(parseQuery('neural the')).toMatchObject({ words: ['neural'], typing: 'the' });
    expect(parseQuery('learning wit')).toMatchObject({ words: ['learning'], typing: 'wit' });
    expect(parseQuery('attention is')).toMatchObject({ words: ['attention'], typing: 'is' });
    expect(parseQuery('gpt 4 t')).toMatchObject({ words: ['gpt'], typing: 't' });
    expect(parseQuery('co')).toMatchObject({ words: [], typing: 'co' });
    // Finished (a space after it), a stop word goes; a real word being typed is required.
    expect(parseQuery('neural the ')).toMatchObject({ words: ['neural'], typing: null });
    expect(parseQuery('neural thro')).toMatchObject({ words: ['neural', 'thro'], typing: null, lastWordIsPrefix: true });
  });

  it('reads fields, phrases and exclusions', () => {
    const q = parseQuery('author:vinyals tag:to-read "exact phrase here" -survey source:hf year:2018..2020 attention');
    expect(q).toMatchObject({
      words: ['attention'],
      exact: ['exact', 'phrase', 'here'],
      phrases: [['exact', 'phrase', 'here']],
      excluded: [['survey']],
      authors: ['vinyals'],
      tags: ['#to-read'],
      sources: ['huggingface'],
      years: { min: 2018, max: 2020 },
      lastWordIsPrefix: true,
    });
    expect(parseQuery('author:"van der Berg"').authors).toEqual(['van', 'der', 'berg']);
  });

  it('negates any filter with a minus, and excludes compounds and quoted words as units', () => {
    expect(parseQuery('-author:vinyals -tag:to-read -source:hf -year:2019 nets').not).toEqual({
      authors: ['vinyals'],
      tags: ['#to-read'],
      sources: ['huggingface'],
      years: [{ min: 2019, max: 2019 }],
    });
    expect(parseQuery('pointer -self-attention -"neural networks"').excluded).toEqual([['selfattention'], ['neural', 'networks']]);
  });

  it('takes a quoted single word exactly and ignores a lone letter among words', () => {
    expect(parseQuery('"bert" models')).toMatchObject({ exact: ['bert'], words: ['models'], phrases: [] });
    expect(parseQuery('gpt 4 tuning').words).toEqual(['gpt', 'tuning']);
  });

  it('cuts a pasted page down to a query', () => {
    const q = parseQuery(Array.from({ length: 300 }, (_, i) => `word${i}`).join(' '));
    expect(q.words).toHaveLength(32);
  });

  it('reads every year form', () => {
    expect(parseQuery('year:2019').years).toEqual({ min: 2019, max: 2019 });
    expect(parseQuery('year:>2020').years).toEqual({ min: 2021, max: 2999 });
    expect(parseQuery('year:>=2020').years).toEqual({ min: 2020, max: 2999 });
    expect(parseQuery('year:<2015').years).toEqual({ min: 1900, max: 2014 });
    expect(parseQuery('year:2020..2018').years).toEqual({ min: 2018, max: 2020 });
  });

  it('searches an unknown field or an unreadable value as text, never failing', () => {
    expect(parseQuery('journal:neurips').words).toEqual(['journal', 'neurips']);
    expect(parseQuery('has:slides').words).toEqual(['has', 'slides']);
    expect(parseQuery('venue:neurips')).toMatchObject({ words: [], tags: ['!venue:neurips'] });
    expect(parseQuery('year:soon').words).toEqual(['year', 'soon']);
    expect(parseQuery('source:openreview').words).toEqual(['source', 'openreview']);
    // A quote still being typed is plain words, the last one unfinished.
    expect(parseQuery('"unclosed phra')).toMatchObject({ phrases: [], words: ['unclosed', 'phra'], lastWordIsPrefix: true });
    expect(() => parseQuery('-- : "" -" ::: year:')).not.toThrow();
  });

  it('knows an empty query', () => {
    expect(isEmptyQuery(parseQuery('   '))).toBe(true);
    expect(isEmptyQuery(parseQuery('tag:x'))).toBe(false);
  });
});
