import { collapseWhitespace } from './text';

/**
 * Tags as the library keeps them: trimmed, inner whitespace collapsed, at most 60 characters,
 * without the characters that separate tags in exports and when typing (`,` `;`) or that would
 * unbalance a BibTeX field (`{` `}` `\`), one per spelling that differs only in case ("ML" and
 * "ml" are one tag). Typing "vision, to cite" adds two tags.
 */
export function normalizeTags(input: string | readonly string[]): string[] {
  const parts = typeof input === 'string' ? input.split(/[,;]/) : input.flatMap((t) => t.split(/[,;]/));
  const tags = parts.map((t) => collapseWhitespace(t.replace(/[{}\\]/g, '')).slice(0, 60).trim()).filter(Boolean);
  // One tag per spelling that differs only in case: the first one written stays.
  const seen = new Map<string, string>();
  for (const tag of tags) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  return [...seen.values()];
}
