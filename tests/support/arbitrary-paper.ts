import fc from 'fast-check';
import type { Paper } from '../../utils/paper/schema';
import { venueFromJournalRef } from '../../utils/paper/venue';
import { READING_STATUSES } from '../../utils/paper/vocabulary';

/** Text as the library stores it: whitespace collapsed, trimmed, non-empty, any characters. */
const tricky = ['{', '}', '\\', '$', '&', '%', '#', '_', '~', '^', '"', "'", '<', '>', ',', 'é', 'ß', 'ł', 'Ø', '中', 'α', '∑', '`', '@', '=', '|'];
const char = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('')) },
  { weight: 2, arbitrary: fc.constant(' ') },
  { weight: 2, arbitrary: fc.constantFrom(...tricky) },
);
export const storedText = (min = 1, max = 60) =>
  fc
    .array(char, { minLength: min, maxLength: max })
    .map((cs) => cs.join('').replace(/\s+/g, ' ').trim())
    .filter((s) => s.length >= min);

/** A word of a name: letters (accents, other scripts), maybe a hyphen or an apostrophe. */
const nameWord = fc
  .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüøłßçñ中αÉ'.split('')), { minLength: 1, maxLength: 10 })
  .chain((letters) => fc.constantFrom('', '-', "'", '.').map((sep) => (sep && letters.length > 2 ? `${letters.slice(0, 2).join('')}${sep}${letters.slice(2).join('')}` : letters.join(''))))
  .filter((w) => !/^(and|jr\.?|sr\.?|ii|iii|iv|von|van|de|der|la|le|di|du)$/i.test(w) && /^\p{L}/u.test(w) && /\p{L}$/u.test(w));

/** "First Last" names with one to three given names. */
export const authorName = fc.array(nameWord, { minLength: 2, maxLength: 4 }).map((ws) => ws.join(' '));

const newId = fc.tuple(fc.integer({ min: 15, max: 29 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 99999 })).map(
  ([y, m, n]) => `${y}${String(m).padStart(2, '0')}.${String(n).padStart(5, '0')}`,
);
const oldId = fc.tuple(fc.constantFrom('hep-th', 'math', 'cond-mat', 'quant-ph', 'astro-ph'), fc.integer({ min: 92, max: 106 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 999 })).map(
  ([a, y, m, n]) => `${a}/${String(y % 100).padStart(2, '0')}${String(m).padStart(2, '0')}${String(n).padStart(3, '0')}`,
);
const day = fc.date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const tag = fc
  .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-/ é'.split('')), { minLength: 1, maxLength: 15 })
  .map((cs) => cs.join('').replace(/\s+/g, ' ').trim())
  .filter(Boolean);
const time = fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') });

export const paperArbitrary: fc.Arbitrary<Paper> = fc
  .record({
    arxivId: fc.oneof(newId, oldId),
    version: fc.integer({ min: 1, max: 12 }),
    title: storedText(1, 120),
    authors: fc.array(authorName, { minLength: 0, maxLength: 6 }),
    abstract: fc.oneof(fc.constant(''), storedText(1, 300)),
    published: day,
    updated: day,
    categories: fc.array(fc.constantFrom('cs.LG', 'cs.CL', 'math.CO', 'hep-th', 'cond-mat.mtrl-sci', 'quant-ph'), { maxLength: 3 }).map((c) => [...new Set(c)]),
    // arXiv's own DOIs (10.48550/…) are derivable and never stored.
    doi: fc.option(fc.tuple(fc.integer({ min: 1000, max: 99999 }).filter((r) => r !== 48550), fc.stringMatching(/^[a-z0-9.()/-]{1,20}$/)).map(([r, s]) => `10.${r}/${s}`), { nil: undefined }),
    journalRef: fc.option(storedText(1, 60), { nil: undefined }),
    withdrawn: fc.option(fc.constant(true as const), { nil: undefined }),
    incomplete: fc.option(fc.constant(true as const), { nil: undefined }),
    sources: fc.subarray(['arxiv', 'huggingface'] as const, { minLength: 0 }).map((s) => [...s]),
    tags: fc.array(tag, { maxLength: 5 }).map((t) => [...new Set(t)]),
    notes: fc.oneof(fc.constant(''), fc.string({ maxLength: 200, unit: 'grapheme' })),
    readingStatus: fc.option(fc.constantFrom(...READING_STATUSES), { nil: undefined }),
    savedAt: time,
    updatedAt: time,
  })
  .map((r) => {
    const paper: Paper = {
      ...r,
      // As the library keeps them: a record without its authors or abstract says it is incomplete.
      ...(r.incomplete || !r.authors.length || !r.abstract ? { incomplete: true as const } : {}),
      id: `arxiv:${r.arxivId}`,
      url: `https://arxiv.org/abs/${r.arxivId}`,
      pdfUrl: `https://arxiv.org/pdf/${r.arxivId}`,
      // As the library keeps them (schema v5): the venue a journal reference names.
      venue: venueFromJournalRef(r.journalRef),
    };
    for (const key of Object.keys(paper) as (keyof Paper)[]) if (paper[key] === undefined) delete paper[key];
    return paper;
  });

/** A library: distinct papers. */
export const libraryArbitrary = (max = 12, min = 0) => fc.uniqueArray(paperArbitrary, { minLength: min, maxLength: max, selector: (p) => p.id });
