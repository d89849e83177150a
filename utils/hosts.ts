/**
 * The sites Paperdex reads. Host permissions name exactly these; www.arxiv.org pages are reached
 * through the content scripts' own match patterns.
 */
export const HOST_PERMISSIONS = ['https://arxiv.org/*', 'https://export.arxiv.org/*', 'https://huggingface.co/*'];

/** Every page a Paperdex content script may run on, for telling open tabs about changes. */
export const CONTENT_PAGES = [...HOST_PERMISSIONS, 'https://www.arxiv.org/*'];
