import type { Paper } from '../paper/schema';

/** RIS (Zotero, Mendeley, EndNote): one `TY  - …` to `ER  - ` block per paper. */
export function libraryToRis(papers: readonly Paper[]): string {
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\s+/g, ' ').trim()}`;
  return papers
    .map((p) => {
      const out = [line('TY', p.journalRef || p.doi ? 'JOUR' : 'PREPRINT'), line('TI', p.title)];
      for (const author of p.authors) out.push(line('AU', risName(author)));
      out.push(line('PY', `${p.published.slice(0, 4)}///`), line('DA', p.published.replaceAll('-', '/')));
      if (p.abstract) out.push(line('AB', p.abstract));
      if (p.journalRef) out.push(line('JO', p.journalRef));
      else out.push(line('T2', 'arXiv'));
      if (p.doi) out.push(line('DO', p.doi));
      out.push(line('UR', p.url), line('L1', p.pdfUrl), line('AN', `arXiv:${p.arxivId}`));
      for (const tag of p.tags) out.push(line('KW', tag));
      if (p.notes.trim()) out.push(line('N1', p.notes));
      out.push('ER  - ');
      return out.join('\r\n');
    })
    .join('\r\n\r\n')
    .concat(papers.length ? '\r\n' : '');
}

function risName(author: string): string {
  const parts = author.trim().split(/\s+/);
  if (parts.length < 2) return author;
  return `${parts[parts.length - 1]}, ${parts.slice(0, -1).join(' ')}`;
}
