import type { Result } from '@/utils/result';

/** Who sent a message, as the browser tells the background (`runtime.MessageSender`). */
export interface Sender {
  id?: string;
  url?: string;
}

/**
 * Whether a message comes from one of Paperdex's own pages (the popup, the library page), not
 * from a content script running in a website's tab: the browser sets the sender's URL, so a
 * page cannot pretend. `origin` is the extension's base URL (`runtime.getURL('/')`).
 */
export function isExtensionPage(sender: Sender, extensionId: string, origin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(origin);
}

/** The answer to a content script asking for what only Paperdex's pages may do. */
export const NOT_FROM_A_PAGE: Result<never> = {
  ok: false,
  code: 'invalid',
  message: "Only Paperdex's own pages can change or read backups and the library's bookkeeping.",
};

/** A handler that answers Paperdex's pages and refuses everything else. */
export function pagesOnly<D, T>(
  extensionId: string,
  origin: string,
  handler: (data: D) => Promise<Result<T>>,
): (message: { data: D; sender: Sender }) => Promise<Result<T>> {
  return async ({ data, sender }) => (isExtensionPage(sender, extensionId, origin) ? handler(data) : NOT_FROM_A_PAGE);
}
