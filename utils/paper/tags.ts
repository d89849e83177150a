/**
 * Tags as the library keeps them: trimmed, inner whitespace collapsed, at most 60 characters,
 * without the characters that separate tags in exports and when typing (`,` `;`) or that would
 * unbalance a BibTeX field (`{` `}` `\`). Typing "vision, to cite" adds two tags.
 */
export function normalizeTags(input: string | readonly string[]): string[] {
  const parts = typeof input === 'string' ? input.split(/[,;]/) : input.flatMap((t) => t.split(/[,;]/));
  const tags = parts.map((t) => t.replace(/[{}\\]/g, '').replace(/\s+/g, ' ').trim().slice(0, 60).trim()).filter(Boolean);
  return [...new Set(tags)];
}
