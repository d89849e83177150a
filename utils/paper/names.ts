/** Authors' names as the library stores them ("First Last"), taken apart for sorting and citing. */

/** The family name of "First Last" (or of a collaboration, its first word). */
export function surname(author: string): string {
  const parts = author.trim().split(/\s+/);
  const suffix = /^(jr\.?|sr\.?|ii|iii|iv)$/i;
  while (parts.length > 1 && suffix.test(parts[parts.length - 1]!)) parts.pop();
  return parts[parts.length - 1] ?? '';
}
