import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paper } from '../../utils/paper/schema';

/**
 * Deterministic libraries for search tests and benchmarks: the 94 real papers of the shared
 * corpus hidden among synthetic ones made from the same material (titles rebuilt from the
 * corpus' title words, abstracts from its sentences with a quarter of the words swapped, invented
 * authors), so
 * that every query has to find one real paper among thousands of look-alikes.
 */

export interface SeedPaper {
  title: string;
  abstract: string;
}

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');

export function loadCorpus(): { seeds: SeedPaper[]; authors: Record<string, string[]> } {
  return {
    seeds: JSON.parse(readFileSync(join(CORPUS, 'seed-papers.json'), 'utf8')) as SeedPaper[],
    authors: JSON.parse(readFileSync(join(CORPUS, 'authors.json'), 'utf8')) as Record<string, string[]>,
  };
}

/** mulberry32: a small seeded generator, so every run builds the same library. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Wei', 'Maria', 'John', 'Aisha', 'Hiroshi', 'Elena', 'Carlos', 'Priya', 'Lukas', 'Fatima', 'Chen', 'Olga', 'David', 'Sofia', 'Ahmed', 'Yuki', 'Pierre', 'Anna', 'Mohammed', 'Laura', 'Jin', 'Tomás', 'Sara', 'Ivan', 'Mei', 'Noah', 'Leila', 'Rafael', 'Ingrid', 'Kwame'];
const LAST = ['Zhang', 'Garcia', 'Smith', 'Khan', 'Tanaka', 'Petrova', 'Silva', 'Sharma', 'Müller', 'Haddad', 'Li', 'Ivanova', 'Cohen', 'Rossi', 'Hassan', 'Sato', 'Dubois', 'Nowak', 'Ali', 'Martin', 'Park', 'Fernández', 'Berg', 'Popov', 'Wu', 'Walker', 'Karimi', 'Costa', 'Larsen', 'Mensah', 'Okafor', 'Novak', 'Yamamoto', 'Schneider', 'Moreau', 'Kowalski', 'Gupta', 'Nakamura', 'Lopez', 'Andersson'];
const TAGS = ['to-read', 'reading-group', 'thesis', 'baseline', 'survey', 'important', 'reproduce', 'vision', 'nlp', 'theory'];
const DAY = 86_400_000;

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.length > 20);
}

/** A distinct new-style arXiv id for every n below 13,200,000. */
function arxivId(n: number): string {
  const yymm = 1501 + Math.floor((n % 132) / 12) * 100 + (n % 12);
  return `${yymm}.${String(Math.floor(n / 132)).padStart(5, '0')}`;
}

function record(n: number, title: string, abstract: string, authors: string[], rand: () => number, now: number): Paper {
  const id = arxivId(n);
  const year = 2012 + Math.floor(rand() * 15);
  const published = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  const savedAt = now - Math.floor(rand() * 1000 * DAY);
  return {
    id: `arxiv:${id}`,
    arxivId: id,
    version: 1,
    title,
    authors,
    abstract,
    published,
    updated: published,
    url: `https://arxiv.org/abs/${id}`,
    pdfUrl: `https://arxiv.org/pdf/${id}`,
    categories: ['cs.LG'],
    sources: rand() < 0.3 ? ['arxiv', 'huggingface'] : ['arxiv'],
    tags: rand() < 0.15 ? [pick(rand, TAGS)] : [],
    notes: '',
    savedAt,
    updatedAt: savedAt,
  };
}

/**
 * A library of `size` papers: the corpus papers (with the authors known for some of them) at
 * evenly spread places, synthetic papers everywhere else. Same size and seed, same library.
 */
export function generateLibrary(size: number, seed = 42, now = Date.UTC(2026, 10, 1)): Paper[] {
  const { seeds, authors } = loadCorpus();
  const rand = random(seed);
  const titleWords = seeds.flatMap((s) => s.title.split(/\s+/));
  const allSentences = seeds.flatMap((s) => sentences(s.abstract));
  const abstractWords = seeds.flatMap((s) => s.abstract.split(/\s+/)).filter((w) => /^[a-z]{4,}$/.test(w));
  const stride = Math.max(1, Math.floor(size / seeds.length));
  const library: Paper[] = [];
  for (let n = 0; n < size; n++) {
    const real = n % stride === 0 ? seeds[n / stride] : undefined;
    if (real) {
      const names = authors[real.title] ?? fakeAuthors(rand);
      library.push(record(n, real.title, real.abstract.replace(/\s+/g, ' ').trim(), names, rand, now));
      continue;
    }
    const title = Array.from({ length: 4 + Math.floor(rand() * 9) }, () => pick(rand, titleWords)).join(' ');
    const count = 5 + Math.floor(rand() * 6);
    const abstract = Array.from({ length: count }, () =>
      pick(rand, allSentences)
        .split(' ')
        .map((w) => (rand() < 0.25 ? pick(rand, abstractWords) : w))
        .join(' '),
    ).join(' ');
    library.push(record(n, title, abstract, fakeAuthors(rand), rand, now));
  }
  return library;
}

function fakeAuthors(rand: () => number): string[] {
  return Array.from({ length: 1 + Math.floor(rand() * 6) }, () => `${pick(rand, FIRST)} ${pick(rand, LAST)}`);
}
