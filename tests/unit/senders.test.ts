import { describe, expect, it, vi } from 'vitest';
import { isExtensionPage, NOT_FROM_A_PAGE, pagesOnly } from '@/entrypoints/background/senders';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('messages only Paperdex pages may send', () => {
  const contentScript = { id: ID, url: 'https://arxiv.org/abs/1706.03762', tab: { id: 4 } };
  const libraryTab = { id: ID, url: `${ORIGIN}library.html#settings`, tab: { id: 5 } };
  const popup = { id: ID, url: `${ORIGIN}popup.html` };

  it('tell the popup and the library page from a content script in a website', () => {
    expect(isExtensionPage(popup, ID, ORIGIN)).toBe(true);
    expect(isExtensionPage(libraryTab, ID, ORIGIN)).toBe(true);
    expect(isExtensionPage(contentScript, ID, ORIGIN)).toBe(false);
    expect(isExtensionPage({ id: 'another-extension', url: `chrome-extension://another-extension/x.html` }, ID, ORIGIN)).toBe(false);
    expect(isExtensionPage({ id: ID }, ID, ORIGIN)).toBe(false);
    expect(isExtensionPage({ id: ID, url: `${ORIGIN.slice(0, -1)}.evil.example/` }, ID, ORIGIN)).toBe(false);
  });

  it('refuse a content script without running the handler', async () => {
    const handler = vi.fn(async (data: unknown) => ({ ok: true as const, value: data }));
    const guarded = pagesOnly(ID, ORIGIN, handler);
    expect(await guarded({ data: 'abc', sender: contentScript })).toEqual(NOT_FROM_A_PAGE);
    expect(handler).not.toHaveBeenCalled();
    expect(await guarded({ data: { enabled: false }, sender: libraryTab })).toEqual({ ok: true, value: { enabled: false } });
  });
});
