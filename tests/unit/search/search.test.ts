import { describe, expect, it } from 'vitest';
import type { Paper } from '@/utils/paper';
import { createPaperSearch } from '@/utils/search/search';
import { readFixture } from '../fixtures';

interface Seed {
  title: string;
  abstract: string;
}

const seeds = JSON.parse(readFixture('corpus', 'seed-papers.json')) as Seed[];

/** The corpus as a library: paper i was saved at time i, so the last one is the newest. */
const library: Paper[] = seeds
  .map((seed, i) => ({
    id: `arxiv:2401.${String(10000 + i)}`,
    arxivId: `2401.${String(10000 + i)}`,
    version: 1,
    title: seed.title,
    authors: i === 17 ? ['Oriol Vinyals', 'Meire Fortunato', 'Navdeep Jaitly'] : [`Author ${i}`],
    abstract: seed.abstract,
    published: '2024-01-01',
    updated: '2024-01-01',
    url: `https://arxiv.org/abs/2401.${String(10000 + i)}`,
    pdfUrl: `https://arxiv.org/pdf/2401.${String(10000 + i)}`,
    categories: ['cs.LG'],
    sources: ['arxiv' as const],
    tags: i === 3 ? ['continual'] : [],
    notes: i === 5 ? 'great survey for the reading group' : '',
    savedAt: i,
    updatedAt: i,
  }))
  .reverse();

const search = createPaperSearch(library);
const titles = (query: string) => search.search(query).map((p) => p.title);

describe('library search (seed corpus)', () => {
  it('finds a title through typos in every word', () => {
    expect(titles('netwrok prunning')[0]).toBe('Rethinking the Value of Network Pruning');
  });

  it('matches words in any order and across fields', () => {
    expect(titles('pruning value rethinking')[0]).toBe('Rethinking the Value of Network Pruning');
    expect(titles('vinyals pointer')[0]).toBe('Pointer Networks');
  });

  const cases: [string, string][] = [
    ['pointer netwroks', 'Pointer Networks'],
    ['sequnce to sequence', 'Sequence to Sequence Learning with Neural Networks'],
    ['hopfield tabular', 'Hopular: Modern Hopfield Networks for Tabular Data'],
    ['grad-cam visual explanations', 'Grad-CAM: Visual Explanations from Deep Networks via Gradient-based Localization'],
    ['yolov9 programmable gradient', 'YOLOv9: Learning What You Want to Learn Using Programmable Gradient Information'],
    ['kangaroo speculative decoding', 'Kangaroo: Lossless Self-Speculative Decoding via Double Early Exiting'],
    ['grokking lazy rich', 'Grokking as the Transition from Lazy to Rich Training Dynamics'],
    ['vinyals', 'Pointer Networks'],
    ['continual', 'Continual Learning with Dependency Preserving Hypernetworks'],
    ['reading group survey', 'A Brief Review of Hypernetworks in Deep Learning'],
  ];
  for (const [query, title] of cases) {
    it(`"${query}" ranks "${title}" first`, () => {
      expect(titles(query)[0]).toBe(title);
    });
  }

  it('lists the whole library, newest first, for an empty query', () => {
    const all = search.search('   ');
    expect(all).toHaveLength(seeds.length);
    expect(all[0]?.title).toBe(seeds[seeds.length - 1]?.title);
  });

  it('returns nothing when nothing matches', () => {
    expect(search.search('qqxzzv')).toEqual([]);
  });
});
