import { shortAuthors } from '../paper/display';
import type { Paper } from '../paper/schema';
import { venueLabel } from '../paper/venue';
import { READING_STATUS_LABELS } from '../paper/vocabulary';
import { collapseWhitespace } from '../paper/text';

/** A reading list in Markdown: one checkbox item per paper, with its links, tags and notes. */

/** Markdown's own characters in running text, escaped so that a title reads as written. */
function md(text: string): string {
  return collapseWhitespace(text).replace(/([\\`*_{}[\]<>()#+!|~])/g, '\\$1');
}

export function libraryToMarkdown(papers: readonly Paper[], title = 'Reading list'): string {
  const lines = [`# ${md(title)}`, '', `${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}, exported from Paperdex.`, ''];
  for (const p of papers) {
    const status = p.readingStatus ? ` — *${READING_STATUS_LABELS[p.readingStatus]}*` : '';
    lines.push(`- [ ] **[${md(p.title)}](${p.url})**${status}  `);
    const venue = p.venue ? ` · ${md(venueLabel(p.venue))}` : '';
    const code = p.code?.repo ? ` · [Code](${p.code.repo.replace(/[()]/g, encodeURIComponent)})` : '';
    lines.push(`  ${md(shortAuthors(p.authors, 5))} · ${p.published.slice(0, 4)}${venue} · arXiv:${p.arxivId} · [PDF](${p.pdfUrl})${code}${p.withdrawn ? ' · withdrawn' : ''}  `);
    if (p.tags.length) lines.push(`  Tags: ${p.tags.map((t) => `\`${t.replace(/`/g, "'")}\``).join(', ')}  `);
    if (p.notes.trim()) lines.push(...p.notes.trim().split('\n').map((line) => `  > ${md(line)}`));
    lines.push('');
  }
  return lines.join('\n');
}
