/** arXiv identifiers, as people, pages and files write them: the record's identity. */

export interface ArxivIdParts {
  /** Canonical id without version: "2401.12345", "hep-th/9901001". */
  id: string;
  version?: number;
}

const NEW_ID = /^(\d{4}\.\d{4,5})(?:v([1-9]\d*))?$/;
// Old-style ids: archive, an optional subject class that arXiv drops from the canonical id
// (math.GT/0309136 is math/0309136, cond-mat.stat-mech/0001001 is cond-mat/0001001), YYMMNNN.
const OLD_ID = /^([a-z]+(?:-[a-z]+)?)(?:\.[A-Za-z-]{2,})?\/(\d{7})(?:v([1-9]\d*))?$/;

/** Reads an arXiv identifier as people and pages write it ("arXiv:2401.12345v2", "hep-th/9901001"). */
export function parseArxivId(raw: string): ArxivIdParts | null {
  const text = raw.trim().replace(/^arxiv:/i, '');
  const modern = NEW_ID.exec(text);
  if (modern && isIssuedNumber(modern[1]!)) return withVersion(modern[1]!, modern[2]);
  const old = OLD_ID.exec(text);
  if (old) return withVersion(`${old[1]}/${old[2]}`, old[3]);
  return null;
}

/** YYMM.NNNN until December 2014, YYMM.NNNNN since January 2015; months 01–12. */
function isIssuedNumber(id: string): boolean {
  const [yymm, number] = id.split('.') as [string, string];
  const month = Number(yymm.slice(2));
  if (month < 1 || month > 12) return false;
  return number.length === (Number(yymm) >= 1501 ? 5 : 4);
}

function withVersion(id: string, version: string | undefined): ArxivIdParts {
  return version ? { id, version: Number(version) } : { id };
}
