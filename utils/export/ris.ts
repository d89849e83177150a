import { citationDoi } from './bibtex';
import { citedAs, pageRange, type CiteOptions } from './citation';
import { splitName } from '../paper/names';
import type { Paper } from '../paper/schema';
import { collapseWhitespace } from '../paper/text';

/**
 * RIS, as Zotero, EndNote, Mendeley and citation-js read it. A preprint is `TY  - RPRT` (a
 * report: every one of them imports it as a full record, with arXiv as the institution and the
 * arXiv id as the report number); `PREPRINT` is no RIS type and `GEN` loses the repository. A
 * paper with a journal reference is `TY  - JOUR` with the journal in `T2`; a published paper,
 * see paperToRis. The arXiv id is also
 * in `AN`, where Zotero ("Loc. in Archive") and EndNote ("Accession Number") keep it.
 */

/** A tag line; RIS values are one line, except notes (see below). */
const line = (tag: string, value: string) => `${tag}  - ${collapseWhitespace(value)}`;

/**
 * "Last, First, Suffix" with the particle in front of the family name ("van der Berg, Jan");
 * an institution with a trailing comma, which Zotero reads as one single-field name.
 */
export function risName(author: string): string {
  const name = splitName(author);
  if ('literal' in name) return `${name.literal},`;
  const last = [name.particle, name.family].filter(Boolean).join(' ');
  return [last, name.given, name.suffix].filter(Boolean).join(', ');
}

/**
 * Notes keep their line breaks as continuation lines (Zotero joins them with line breaks). A
 * line that looks like a tag ("ER  - ") would end the record early in Zotero: a zero-width
 * space in front keeps it text.
 */
function noteLines(notes: string): string[] {
  const lines = notes.replace(/\r\n?/g, '\n').trim().split('\n');
  return lines.map((text, i) => {
    const safe = /^\s*[A-Z][A-Z0-9] {1,2}-/.test(text) ? `\u200B${text}` : text;
    return i === 0 ? `N1  - ${safe}` : safe;
  });
}

/**
 * A published paper (when known, and `asPublished`) is `CPAPER` with the proceedings in `T2` and
 * `C3` (citation-js reads the one, Zotero the other), or
 * `JOUR` with the journal, volume, issue, pages, publisher and the published DOI; the arXiv id
 * stays in `AN`.
 */
export function paperToRis(p: Paper, options: CiteOptions = {}): string {
  const cited = citedAs(p, options);
  const published = cited.as === 'conference' || cited.as === 'journal' ? cited : null;
  const [year, month, day] = p.published.split('-');
  const type = cited.as === 'conference' ? 'CPAPER' : cited.as === 'preprint' ? 'RPRT' : 'JOUR';
  const out = [line('TY', type), line('TI', p.title)];
  for (const author of p.authors) out.push(line('AU', risName(author)));
  if (published) out.push(line('PY', String(published.year ?? year ?? '')));
  else out.push(line('PY', year ?? ''), line('DA', p.incomplete ? `${year}/${month}` : `${year}/${month}/${day}`));
  if (p.abstract) out.push(line('AB', p.abstract));
  if (cited.as === 'preprint') out.push(line('PB', 'arXiv'), line('SN', `arXiv:${p.arxivId}`), line('M3', 'Preprint'));
  else out.push(line('T2', cited.container));
  // Zotero reads a conference paper's proceedings from C3 (T2 is the conference's name to it).
  if (cited.as === 'conference') out.push(line('C3', cited.container));
  if (published) {
    if (published.volume) out.push(line('VL', published.volume));
    if (published.number) out.push(line('IS', published.number));
    if (published.pages) {
      const [first, last] = pageRange(published.pages);
      out.push(line('SP', first));
      if (last) out.push(line('EP', last));
    }
    if (published.publisher) out.push(line('PB', published.publisher));
  }
  out.push(line('AN', `arXiv:${p.arxivId}`), line('DB', 'arXiv'), line('DO', published?.doi ?? citationDoi(p)), line('UR', published?.url ?? p.url), line('L1', p.pdfUrl));
  for (const tag of p.tags) out.push(line('KW', tag));
  if (p.withdrawn) out.push(line('KW', 'withdrawn'));
  if (p.notes.trim()) out.push(...noteLines(p.notes));
  out.push('ER  - ');
  return out.join('\r\n');
}

/** RIS (Zotero, Mendeley, EndNote): one `TY  - …` to `ER  - ` block per paper, CRLF line ends. */
export function libraryToRis(papers: readonly Paper[], options: CiteOptions = {}): string {
  return papers.map((p) => paperToRis(p, options)).join('\r\n\r\n').concat(papers.length ? '\r\n' : '');
}
