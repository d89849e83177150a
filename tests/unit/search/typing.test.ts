import { beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '@/utils/paper/schema';
import { SearchEngine } from '@/utils/search/engine';
import { parseQuery } from '@/utils/search/query';
import { WordIndex } from '@/utils/search/word-index';
import { generateLibrary, loadCorpus } from '../../support/generate-library';
import { memoryStore } from '../../support/memory-store';

/**
 * While a title is being typed, the paper never leaves the results: every prefix of the
 * finished query matches it too. A stop word half typed ("attention is", "… of") used to be
 * required as the start of a longer word and hid the paper until the next word.
 */
describe('typing a title towards its paper', () => {
  let library: Paper[];
  let engine: SearchEngine;

  beforeAll(async () => {
    // The 94 real papers among 1,906 look-alikes built from their words, and the paper of the report.
    const generated = generateLibrary(2000);
    library = [...generated, { ...generated[1]!, id: 'arxiv:1706.03762', arxivId: '1706.03762', title: 'Attention Is All You Need' }];
    engine = await SearchEngine.open(memoryStore(library), { persist: false });
  });

  it('finds "Attention Is All You Need" at every step of typing it', async () => {
    const paper = library.find((p) => p.title === 'Attention Is All You Need');
    expect(paper).toBeDefined();
    for (const typed of ['attention', 'attention i', 'attention is', 'attention is ', 'attention is a', 'attention is all']) {
      expect((await engine.search(typed, library.length)).ids, typed).toContain(paper!.id);
    }
  });

  it('keeps every corpus paper in the results for every prefix of its title, letter by letter', async () => {
    const { seeds } = loadCorpus();
    const lost: string[] = [];
    for (const { title } of seeds) {
      const paper = library.find((p) => p.title === title)!;
      for (let end = 1; end <= title.length; end++) {
        const typed = title.slice(0, end);
        if (!(await engine.search(typed, library.length)).ids.includes(paper.id)) lost.push(`"${typed}"`);
      }
    }
    expect(seeds.length).toBe(94);
    expect(lost).toEqual([]);
    // About 6,000 searches of the whole library: 3 s alone, more beside a browser suite.
  }, 20_000);
});

/**
 * A keystroke in the last word reuses the scores of the words before it (WordIndex `settled`):
 * typed letter by letter, every answer is the one an index that never saw the earlier keys
 * gives, also after the library changed between two keys.
 */
describe('the words typed before the last one, scored once', () => {
  const library = generateLibrary(1500);
  const queries = ['skip tuning draft', 'netwrok pruning sparse', 'graph neural netw', 'diffusion model: "image" text'];
  const answer = (index: WordIndex, text: string) => {
    const { ids, total, scores, terms, relaxed } = index.match(parseQuery(text), 200);
    return { ids, total, scores: [...scores], terms: [...terms].sort(), relaxed };
  };

  it('gives the same answers as a fresh index at every keystroke', () => {
    const snapshot = WordIndex.buildSnapshot(library);
    const typing = WordIndex.fromSnapshot(snapshot);
    for (const query of queries) {
      for (let end = 1; end <= query.length; end++) {
        const typed = query.slice(0, end);
        expect(answer(typing, typed), typed).toEqual(answer(WordIndex.fromSnapshot(snapshot), typed));
      }
    }
  });

  it('forgets them when the library changes between two keys', () => {
    const typing = WordIndex.build(library);
    answer(typing, 'zyxwvut qu');
    const added = { ...library[0]!, id: 'arxiv:2612.00001', arxivId: '2612.00001', title: 'Zyxwvut quasars' };
    typing.upsert(added);
    const after = answer(typing, 'zyxwvut qua');
    expect(after.ids).toEqual([added.id]);
    expect(after).toEqual(answer(WordIndex.build([...library, added]), 'zyxwvut qua'));
  });
});
