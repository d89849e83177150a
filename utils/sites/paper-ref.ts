import type { PaperInput } from '../paper/schema';
import type { PaperSource } from '../paper/vocabulary';
import { arxivPaperPageId } from './arxiv';
import { hfPaperPageId } from './huggingface';

/**
 * The paper an address names, on any page about one paper: arXiv abstract, PDF and HTML views
 * (every id form, `www.`/`export.` hosts) and Hugging Face paper pages. What a link, a PDF tab
 * or the popup's "Save this page" sends to the background; null for any other address.
 */
export function paperRefFromUrl(address: string | undefined): PaperInput | null {
  let url: URL;
  try {
    url = new URL(address ?? '');
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const fromArxiv = arxivPaperPageId(url);
  const found = fromArxiv ?? hfPaperPageId(url);
  if (!found) return null;
  const source: PaperSource = fromArxiv ? 'arxiv' : 'huggingface';
  return found.version ? { arxivId: found.id, version: found.version, source } : { arxivId: found.id, source };
}
