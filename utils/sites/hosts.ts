/**
 * The sites Paperdex reads, listed once. The manifest's host permissions, the content scripts'
 * match patterns, the context menu's link patterns and the URL detectors are all derived from
 * these lists.
 */

/** arXiv's hosts; `arxiv.org` is the canonical one. */
export const ARXIV_HOSTS = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org'] as const;
/** Where the arXiv API answers (one request every 3 s, as arXiv asks). */
export const ARXIV_API_HOST = 'export.arxiv.org';
export const HF_HOST = 'huggingface.co';
/** Where a paper's venue is looked up, only once the user turns it on (optional permissions). */
export const S2_HOST = 'api.semanticscholar.org';
export const DBLP_HOST = 'dblp.org';

/**
 * Host permissions: the API hosts the background fetches from and the sites it saves from.
 * www.arxiv.org pages are reached through the content scripts' own match patterns.
 */
export const HOST_PERMISSIONS = ['arxiv.org', ARXIV_API_HOST, HF_HOST].map((host) => `https://${host}/*`);

/**
 * Asked for when the user turns on "Find where papers were published and their code", never
 * before: the only hosts outside arXiv and Hugging Face Paperdex ever contacts.
 */
export const LOOKUP_PERMISSIONS = [S2_HOST, DBLP_HOST].map((host) => `https://${host}/*`);

/** arXiv pages that get Save buttons: abstract pages, listings, the catch-up view, search. */
export const ARXIV_CONTENT_MATCHES = ARXIV_HOSTS.flatMap((host) =>
  ['/abs/*', '/list/*', '/catchup*', '/search/*'].map((path) => `https://${host}${path}`),
);

/** Hugging Face pages that get Save buttons: paper pages and every paper list. */
export const HF_CONTENT_MATCHES = [`https://${HF_HOST}/papers`, `https://${HF_HOST}/papers/*`, `https://${HF_HOST}/papers?*`];

/** Links the context menu offers to save: any page about one paper (what `paperRefFromUrl` reads). */
export const PAPER_LINK_PATTERNS = ARXIV_HOSTS.flatMap((host) =>
  ['abs', 'pdf', 'html'].flatMap((kind) => [`https://${host}/${kind}/*`, `http://${host}/${kind}/*`]),
)
  // Paper pages only (ids start with a digit), not /papers/trending or /papers/date/….
  .concat([...'0123456789'].map((digit) => `https://${HF_HOST}/papers/${digit}*`));
