import { beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '@/utils/paper/schema';
import { SearchEngine } from '@/utils/search/engine';
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
