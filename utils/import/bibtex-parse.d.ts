/** Types for `bibtex-parse` (FlamingTempura, the parser of bibtex-tidy), which ships none. */
declare module 'bibtex-parse' {
  export type Datatype = 'number' | 'identifier' | 'braced' | 'quoted' | 'concatinate' | 'null' | 'unenclosed';
  export interface Value {
    datatype: Datatype;
    /** The text inside the delimiters, as written; a list of parts for `concatinate`. */
    value: string | number | bigint | Value[] | null;
    raw?: string;
  }
  export interface Field extends Value {
    name: string;
  }
  export type Item =
    | { itemtype: 'entry'; type: string; key: string; enclosed: string; fields: Field[] }
    | ({ itemtype: 'string'; name: string } & Value)
    | ({ itemtype: 'preamble' } & Value)
    | { itemtype: 'comment'; comment: string };
  export function parse(input: string, options?: { number?: 'auto' | 'number' | 'bigint' | 'string' }): Item[];
  const bibtexParse: { parse: typeof parse };
  export default bibtexParse;
}
