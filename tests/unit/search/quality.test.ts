import { beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '@/utils/paper/schema';
import { SearchEngine } from '@/utils/search/engine';
import { generateLibrary } from '../../support/generate-library';
import { memoryStore } from '../../support/memory-store';
import { readFixture } from '../fixtures';

interface HalfRemembered {
  kind: string;
  query: string;
  title: string;
}

const queries = JSON.parse(readFixture('search', 'half-remembered-queries.json')) as HalfRemembered[];

/** PaperMemory's approach: the query as a case-insensitive substring of title or authors. */
function substringSearch(library: Paper[], query: string): Paper[] {
  const needle = query.toLowerCase();
  return library
    .filter((p) => p.title.toLowerCase().includes(needle) || p.authors.join(', ').toLowerCase().includes(needle))
    .sort((a, b) => b.savedAt - a.savedAt);
}

describe('search quality: half-remembered queries in a 10,000-paper library', () => {
  let library: Paper[];
  let engine: SearchEngine;

  beforeAll(async () => {
    library = generateLibrary(10_000);
    engine = await SearchEngine.open(memoryStore(library), { persist: false });
  });

  it('has at least 40 queries covering typos, partial titles, authors, abstract concepts, British spellings', () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    expect(new Set(queries.map((q) => q.kind))).toEqual(
      new Set(['typo', 'partial title', 'author', 'abstract concept', 'british spelling']),
    );
  });

  it('puts the right paper in the top 3 for at least 95% of them', async () => {
    const titleOf = new Map(library.map((p) => [p.id, p.title]));
    const misses: string[] = [];
    let ours = 0;
    let substring = 0;
    for (const q of queries) {
      const result = await engine.search(q.query);
      const top3 = result.ids.slice(0, 3).map((id) => titleOf.get(id));
      if (top3.includes(q.title)) ours++;
      else misses.push(`  [${q.kind}] "${q.query}" → ${top3.join(' | ') || 'nothing'}`);
      if (substringSearch(library, q.query).slice(0, 3).some((p) => p.title === q.title)) substring++;
    }
    const pct = (n: number) => `${((100 * n) / queries.length).toFixed(1)}%`;
    console.log(
      [
        `Top-3 hits on ${queries.length} half-remembered queries in ${library.length} papers:`,
        `  Paperdex (word index + Fuse.js): ${ours}/${queries.length} (${pct(ours)})`,
        `  plain substring of title/authors (PaperMemory's approach): ${substring}/${queries.length} (${pct(substring)})`,
        ...(misses.length ? ['Missed:', ...misses] : []),
      ].join('\n'),
    );
    expect(ours / queries.length).toBeGreaterThanOrEqual(0.95);
  });
});
