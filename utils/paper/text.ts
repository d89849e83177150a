/** Text as the library stores it: whitespace collapsed, as pages, APIs and files are read. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
