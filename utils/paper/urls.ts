/**
 * A paper's own addresses and id, built in one place: the library never takes links from a
 * page or a file, it builds them from the arXiv id.
 */

/** "arxiv:2401.12345", "arxiv:hep-th/9901001": the record's key, never with a version. */
export function paperIdFor(arxivId: string): string {
  return `arxiv:${arxivId}`;
}

/** The canonical abstract page, no version. */
export function absUrl(arxivId: string): string {
  return `https://arxiv.org/abs/${arxivId}`;
}

/** The PDF of the latest version. */
export function pdfUrl(arxivId: string): string {
  return `https://arxiv.org/pdf/${arxivId}`;
}

/** Whether a record's links are the paper's own addresses. */
export function hasOwnAddresses(p: { arxivId: string; url: string; pdfUrl: string }): boolean {
  return p.url === absUrl(p.arxivId) && p.pdfUrl === pdfUrl(p.arxivId);
}
