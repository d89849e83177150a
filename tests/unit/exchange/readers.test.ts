import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { citationKeys, libraryToBibtex } from '@/utils/export/bibtex';
import { libraryToCslJson } from '@/utils/export/csl';
import { libraryToRis } from '@/utils/export/ris';
import { splitName } from '@/utils/paper/names';
import type { Paper } from '@/utils/paper/schema';
import { EDGE_CASES, corpusPapers } from '../../support/citation-library';

/**
 * Every export read by readers Paperdex did not write: citation-js (BibTeX, RIS, CSL-JSON,
 * rendered in APA by citeproc) and classic BibTeX 0.99d with plain.bst under pdflatex.
 */

const LIBRARY: Paper[] = [...corpusPapers(), ...EDGE_CASES];

interface CslItem {
  title?: string;
  author?: { family?: string; given?: string; literal?: string; suffix?: string; 'non-dropping-particle'?: string }[];
  issued?: { 'date-parts'?: number[][] };
  DOI?: string;
  URL?: string;
  number?: string;
}

async function read(text: string): Promise<CslItem[]> {
  return (await Cite.async(text)).data as CslItem[];
}

/** The date parts a reader should find: to the day, or to the month for an incomplete record. */
function dateParts(p: Paper): number[] {
  const parts = p.published.split('-').map(Number);
  return p.incomplete ? parts.slice(0, 2) : parts;
}

/** A name as a reader gives it back, in one string: "van der Berg, Jan, Jr." */
function nameOf(a: NonNullable<CslItem['author']>[number]): string {
  if (a.literal) return a.literal;
  return [[a['non-dropping-particle'], a.family].filter(Boolean).join(' '), a.given, a.suffix].filter(Boolean).join(', ');
}

function expectedName(author: string): string {
  const n = splitName(author);
  return 'literal' in n ? n.literal : [[n.particle, n.family].filter(Boolean).join(' '), n.given, n.suffix].filter(Boolean).join(', ');
}

describe('exports read by citation-js', () => {
  for (const [format, write] of [
    ['BibTeX', libraryToBibtex],
    ['RIS', libraryToRis],
    ['CSL-JSON', libraryToCslJson],
  ] as const) {
    it(`${format}: every entry parses, with its title, authors (particles, suffixes, institutions), date, DOI, URL and arXiv id`, async () => {
      const items = await read(write(LIBRARY));
      expect(items).toHaveLength(LIBRARY.length);
      items.forEach((item, i) => {
        const paper = LIBRARY[i]!;
        const where = `${format} ${paper.arxivId}`;
        // TeX is TeX to the reader: math becomes math, never "\textbackslash".
        expect(item.title, where).not.toMatch(/textbackslash|textbrace/);
        if (!/[$\\{}%&#_^~<>]/.test(paper.title)) expect(item.title, where).toBe(paper.title);
        expect(item.author?.map(nameOf), where).toEqual(paper.authors.map(expectedName));
        expect(item.issued?.['date-parts']?.[0], where).toEqual(dateParts(paper));
        expect(item.URL, where).toBe(`https://arxiv.org/abs/${paper.arxivId}`);
        expect(item.DOI, where).toBe(paper.doi ?? `10.48550/arXiv.${paper.arxivId}`);
        // Where the reader keeps the arXiv id: the report number (RIS, CSL) and always the URL.
        if (format !== 'BibTeX' && !paper.journalRef) expect(item.number, where).toBe(`arXiv:${paper.arxivId}`);
      });
    }, 60_000);
  }

  it('reads TeX in BibTeX titles as TeX: math comes out as math', async () => {
    const [item] = await read(libraryToBibtex(EDGE_CASES.slice(0, 1)));
    expect(item?.title).toMatch(/^On α-divergence/);
  });

  it('renders every RIS and CSL-JSON entry in APA with its year and arXiv id', async () => {
    for (const text of [libraryToRis(LIBRARY), libraryToCslJson(LIBRARY)]) {
      const apa = (await Cite.async(text)).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }) as string;
      expect(apa).not.toContain('n.d.');
      expect(apa).toContain('Preprint arXiv:2401.00001');
      expect(apa).toContain('Phys. Rev. Lett. 116, 061102 (2016)');
    }
    // citeproc renders a few hundred entries in ~2 s; a machine busy with a browser suite takes longer.
  }, 20_000);

  it("CSL-JSON keeps the user's notes out of `note`, where citeproc would read them as data", async () => {
    const withNotes = EDGE_CASES.find((p) => p.notes.includes('issued: 1850'))!;
    const csl = libraryToCslJson([withNotes]);
    expect(csl).not.toContain('1850');
    const apa = (await Cite.async(csl)).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }) as string;
    expect(apa).toContain('(2024)');
    expect(apa).not.toContain('10.9999/fake');
  });
});

describe('published papers, cited as published (read by citation-js)', () => {
  const base = corpusPapers()[0]!;
  const pointer: Paper = {
    ...base,
    venue: { name: 'Advances in Neural Information Processing Systems 28', short: 'NIPS', year: 2015, kind: 'conference', pages: '2692–2700', publisher: 'Curran Associates', url: 'https://proceedings.neurips.cc/paper/2015/hash/29921001f2f04bd3baee84a12e98098f-Abstract.html', source: 'dblp' },
  };
  const dann: Paper = {
    ...corpusPapers()[1]!,
    venue: { name: 'J. Mach. Learn. Res.', year: 2016, kind: 'journal', volume: '17', number: '59', pages: '1–35', doi: '10.5555/2946645.2946704', source: 'dblp' },
  };
  interface Published extends CslItem {
    type?: string;
    'container-title'?: string;
    page?: string;
    volume?: string;
    issue?: string;
  }

  for (const [format, write] of [
    ['BibTeX', libraryToBibtex],
    ['RIS', libraryToRis],
    ['CSL-JSON', libraryToCslJson],
  ] as const) {
    it(`${format}: a conference paper in its proceedings and a journal article in its journal, with pages, volume and the venue's year`, async () => {
      const [conference, journal] = (await read(write([pointer, dann]))) as Published[];
      expect(conference).toMatchObject({ type: 'paper-conference', page: '2692-2700', issued: { 'date-parts': [[2015]] } });
      // RIS's CPAPER gives the proceedings as the event to citation-js (Zotero reads C3 as the proceedings).
      expect(conference!['container-title'] ?? (conference as { 'event-title'?: string })['event-title']).toBe(pointer.venue!.name);
      expect(journal).toMatchObject({ type: 'article-journal', 'container-title': 'J. Mach. Learn. Res.', volume: '17', issue: '59', page: '1-35', DOI: '10.5555/2946645.2946704', issued: { 'date-parts': [[2016]] } });
      // The arXiv id is still there.
      expect(write([pointer, dann])).toContain(pointer.arxivId);
      // Asked not to: both are the arXiv preprints.
      const preprints = (await read(write([pointer, dann], { asPublished: false }))) as Published[];
      expect(preprints.map((p) => p['container-title'])).toEqual([undefined, undefined]);
      expect(preprints.map((p) => p.issued?.['date-parts']?.[0])).toEqual([dateParts(pointer), dateParts(dann)]);
    });
  }
});

describe('BibTeX read by BibTeX itself (Debian texlive: pdflatex, bibtex 0.99d, plain.bst)', () => {
  it('a document citing every exported entry runs without errors, and the .bbl shows math as math', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperdex-bibtex-'));
    const keys = citationKeys(LIBRARY);
    writeFileSync(join(dir, 'library.bib'), libraryToBibtex(LIBRARY));
    // pdflatex's fonts have no CJK glyphs: the document says what to print for them (a LaTeX
    // user would pick a CJK package or xelatex), which has nothing to do with the .bib.
    const cjk = [...new Set(LIBRARY.flatMap((p) => [p.title, ...p.authors]).join('').match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu))];
    const declare = cjk.map((c) => `\\DeclareUnicodeCharacter{${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}{?}`);
    writeFileSync(
      join(dir, 'paper.tex'),
      ['\\documentclass{article}', '\\usepackage[T1]{fontenc}', ...declare, '\\begin{document}', `Cited: \\cite{${keys.join(',')}}.`, '\\bibliographystyle{plain}', '\\bibliography{library}', '\\end{document}', ''].join('\n'),
    );
    const run = (command: string, args: string[]) => {
      try {
        return execFileSync(command, args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        const e = error as { stdout?: string; message: string };
        throw new Error(`${command} failed: ${e.message}\n${(e.stdout ?? '').split('\n').filter((l) => /^!|error|Error/.test(l)).slice(0, 20).join('\n')}`, { cause: error });
      }
    };
    const latex = () => run('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'paper.tex']);
    latex();
    const bibtex = run('bibtex', ['paper']);
    expect(bibtex).not.toMatch(/error message|I was expecting|I'm skipping/);
    latex();
    const log = latex();
    expect(log).not.toMatch(/^! /m);
    expect(log).not.toMatch(/Citation .* undefined/);
    const bbl = readFileSync(join(dir, 'paper.bbl'), 'utf8');
    expect(bbl.match(/\\bibitem/g)).toHaveLength(LIBRARY.length);
    expect(bbl).toContain('$\\alpha$-divergence');
    expect(bbl).toContain('$\\mathcal{O}(n \\log n)$');
    expect(bbl).not.toContain('textbackslash');
    // Particles and suffixes where plain.bst puts them; institutions whole.
    expect(bbl).toMatch(/Jan van~der Berg/);
    expect(bbl).toMatch(/Martin~Luther King, Jr\./);
    expect(bbl).toContain('{The LIGO Scientific Collaboration}');
  }, 60_000);
});
