/** The part of citation-js (an independent reader of BibTeX, RIS and CSL-JSON) the tests use; it ships no types. */
declare module '@citation-js/core' {
  export class Cite {
    static async(input: unknown): Promise<Cite>;
    data: unknown[];
    format(format: 'bibliography', options?: { format?: 'text' | 'html'; template?: string; lang?: string }): string;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
