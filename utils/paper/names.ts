import { collapseWhitespace } from './text';

/**
 * Authors' names as the library stores them ("First Last", in the paper's order), taken apart
 * for citing and sorting: given names, a particle ("van der", "de la"), the family name, a
 * suffix ("Jr.", "III", "Junior"), or one literal name for an institution or a collaboration.
 * BibTeX, RIS and CSL-JSON all write these parts, each in its own way.
 */
export interface NameParts {
  given: string;
  /** Lower-case words before the family name: "van der", "de", "di". */
  particle: string;
  family: string;
  suffix: string;
}

export type Name = { literal: string } | NameParts;

/** Words that make a name an organisation's: kept whole, never split into first and last. */
const INSTITUTION =
  /\b(collaboration|consortium|team|group|project|institute|university|laboratory|laboratories|lab|center|centre|committee|association|society|initiative|network|foundation|organi[sz]ation|council|inc|ltd|corp|corporation|company|authors|contributors)\b/i;

/**
 * Generational suffixes: "Jr.", "Sr.", "II" to "IV", and the Portuguese/Spanish "Junior",
 * "Júnior", "Filho", "Neto", "Sobrinho" ("Marcelo Lopes Pereira Junior" is Pereira, Junior).
 */
const SUFFIX = /^(jr\.?|sr\.?|junior|júnior|filho|neto|sobrinho|ii|iii|iv)$/i;

/** A name written only in Han, kana or Hangul (and spaces). */
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー・ ]+$/u;

/** A particle starts with a lower-case letter (BibTeX's own rule, and citeproc's): "van", "de", "d'". */
const isParticle = (word: string) => /^\p{Ll}/u.test(word);

/** The parts of a name as the library stores it. */
export function splitName(name: string): Name {
  const text = collapseWhitespace(name);
  if (!text) return { literal: '' };
  const words = text.split(' ');
  if (INSTITUTION.test(text) || text.includes(',') || /\sand\s/i.test(text)) return { literal: text };
  if (words.length === 1) return { given: '', particle: '', family: text, suffix: '' };
  // Chinese, Japanese and Korean names in their own script put the family name first.
  if (CJK.test(text)) return { given: words.slice(1).join(' '), particle: '', family: words[0]!, suffix: '' };
  const suffixes: string[] = [];
  // A suffix needs a given name and a family name besides it: "Ricardo Junior" is a family name.
  while (words.length > 2 && SUFFIX.test(words[words.length - 1]!)) suffixes.unshift(words.pop()!);
  const family = words.pop()!;
  let start = words.length;
  // Particles run back from the family name, always leaving at least one given name.
  while (start > 1 && isParticle(words[start - 1]!)) start--;
  return { given: words.slice(0, start).join(' '), particle: words.slice(start).join(' '), family, suffix: suffixes.join(' ') };
}

/** The name back as the library stores it. */
export function joinName(name: Name): string {
  if ('literal' in name) return name.literal;
  if (CJK.test(`${name.family} ${name.given}`)) return [name.family, name.given].filter(Boolean).join(' ');
  return [name.given, name.particle, name.family, name.suffix].filter(Boolean).join(' ');
}

/**
 * The family name that sorts and keys a paper: "Vaswani", "Berg" (of Jan van der Berg),
 * "Pereira" (of Marcelo Lopes Pereira Junior), or an institution's first significant word.
 */
export function surname(author: string): string {
  const name = splitName(author);
  if ('literal' in name) return name.literal.replace(/^the\s+/i, '').split(/[\s,]+/)[0] ?? '';
  return name.family;
}
