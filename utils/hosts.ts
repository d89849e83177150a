/**
 * The sites Paperdex reads. Host permissions name exactly these; www.arxiv.org pages are reached
 * through the content scripts' own match patterns.
 */
export const HOST_PERMISSIONS = ['https://arxiv.org/*', 'https://export.arxiv.org/*', 'https://huggingface.co/*'];
