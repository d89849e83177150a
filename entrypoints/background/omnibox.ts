import { browser } from 'wxt/browser';
import { repository } from '@/utils/db/repository';
import { paperYear, shortAuthors } from '@/utils/paper/display';
import type { Paper } from '@/utils/paper/schema';
import { SearchEngine } from '@/utils/search/engine';
import { highlight } from '@/utils/search/highlight';

const SUGGESTIONS = 6;

// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]+/g;
/** What XML 1.0 forbids besides controls: lone surrogates and U+FFFE, U+FFFF. */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/**
 * A title or author list as one line a suggestion can show: control characters (which XML 1.0
 * forbids, or which break a line) become a space, a lone surrogate or a noncharacter U+FFFD.
 */
export function suggestionText(text: string): string {
  return text.replace(CONTROLS, ' ').replace(NOT_XML, '\ufffd');
}

/**
 * Chrome reads suggestion descriptions as XML: every page-derived character is escaped, and
 * what XML cannot hold at all is replaced (else the whole suggestion list is refused).
 */
export function escapeXml(text: string): string {
  return suggestionText(text).replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** One suggestion line: the title with matched words in <match>, then authors and year dimmed. */
export function suggestionFor(paper: Paper, terms: ReadonlySet<string>, markup: boolean) {
  const meta = `${shortAuthors(paper.authors)} · ${paperYear(paper)}`;
  if (!markup) return { content: paper.url, description: suggestionText(`${paper.title} — ${meta}`) };
  const title = highlight(paper.title, terms)
    .map((s) => (s.hit ? `<match>${escapeXml(s.text)}</match>` : escapeXml(s.text)))
    .join('');
  return { content: paper.url, description: `${title} <dim>${escapeXml(meta)}</dim>` };
}

/**
 * The address bar keyword `pd`: suggests library matches while typing; Enter opens the chosen
 * one (or the best match for what was typed).
 */
export function registerOmnibox(): void {
  if (!browser.omnibox) return;
  const markup = import.meta.env.BROWSER !== 'firefox';
  let opening: Promise<SearchEngine> | null = null;
  const engine = async () => {
    opening ??= SearchEngine.open(repository).catch((error: unknown) => {
      opening = null;
      throw error;
    });
    const e = await opening;
    await e.refresh();
    return e;
  };

  browser.omnibox.setDefaultSuggestion({ description: 'Search your Paperdex library' });

  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    engine()
      .then(async (e) => {
        const result = await e.search(text, SUGGESTIONS);
        const papers = await e.papers(result.ids.slice(0, SUGGESTIONS));
        suggest(papers.map((p) => suggestionFor(p, result.terms, markup)));
      })
      .catch((error: unknown) => console.error('[paperdex:omnibox]', error));
  });

  browser.omnibox.onInputEntered.addListener((text, disposition) => {
    void (async () => {
      let url = /^https:\/\/arxiv\.org\/abs\//.test(text) ? text : undefined;
      if (!url) {
        const e = await engine();
        const [best] = await e.papers((await e.search(text, 1)).ids);
        url = best?.url;
      }
      if (!url) return;
      if (disposition === 'currentTab') await browser.tabs.update({ url });
      else await browser.tabs.create({ url, active: disposition !== 'newBackgroundTab' });
    })().catch((error: unknown) => console.error('[paperdex:omnibox]', error));
  });
}
