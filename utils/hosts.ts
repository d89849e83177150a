/** The only sites Paperdex reads. Used for the manifest's host permissions and for tab queries. */
export const HOST_PERMISSIONS = [
  'https://arxiv.org/*',
  'https://www.arxiv.org/*',
  'https://export.arxiv.org/*',
  'https://huggingface.co/*',
];
