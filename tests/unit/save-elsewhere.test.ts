import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MENU_TITLE, registerSaveElsewhere, saveAddress, SAVE_COMMAND } from '@/entrypoints/background/save-elsewhere';
import type { SaveOutcome } from '@/utils/messaging';
import type { Result } from '@/utils/result';

const saved = async (): Promise<Result<SaveOutcome>> => ({ ok: true, value: { saved: true, version: 2 } });
const notices = () => Object.values(fakeBrowser.notifications.getAllCreateOptions()).map((n) => `${n.title} | ${n.message}`);

describe('saving from a link or the active tab', () => {
  it('saves the paper a PDF address names and says so', async () => {
    const savePaper = vi.fn(saved);
    await saveAddress(savePaper, 'https://arxiv.org/pdf/1605.08386v1');
    expect(savePaper).toHaveBeenCalledWith({ arxivId: '1605.08386', version: 1, source: 'arxiv' });
    expect(notices()).toEqual(['Saved arXiv 1605.08386 | It is in your Paperdex library.']);
  });

  it('says why a save failed, and what an incomplete save lacks', async () => {
    await saveAddress(async () => ({ ok: false, code: 'lookup', message: "arXiv can't be reached: check your connection." }), 'https://huggingface.co/papers/2605.06554');
    expect(notices()).toEqual(["Couldn't save arXiv 2605.06554 | arXiv can't be reached: check your connection."]);
    await saveAddress(
      async () => ({ ok: true, value: { saved: true, version: 1, incomplete: true, note: 'arXiv has no paper 2605.06554.' } }),
      'https://huggingface.co/papers/2605.06554',
    );
    expect(notices()).toEqual(['Saved arXiv 2605.06554, incomplete | arXiv has no paper 2605.06554. Save it again to complete it.']);
  });

  it('explains that a page that is not a paper cannot be saved', async () => {
    const savePaper = vi.fn(saved);
    expect(await saveAddress(savePaper, 'https://example.org/blog')).toBeNull();
    expect(savePaper).not.toHaveBeenCalled();
    expect(notices()[0]).toMatch(/^Not a paper/);
  });

  it('offers "Save paper to Paperdex" on links to papers and saves the link clicked', async () => {
    const create = vi.fn();
    let onClick: ((info: { menuItemId: string; linkUrl?: string }) => void) | undefined;
    let onCommand: ((command: string, tab?: { url?: string }) => void) | undefined;
    Object.assign(fakeBrowser, {
      contextMenus: { create, onClicked: { addListener: (l: typeof onClick) => (onClick = l) } },
      commands: { onCommand: { addListener: (l: typeof onCommand) => (onCommand = l) } },
    });
    const savePaper = vi.fn(saved);
    registerSaveElsewhere(savePaper);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ title: MENU_TITLE, contexts: ['link'] }));
    const patterns: string[] = create.mock.calls[0]![0].targetUrlPatterns;
    expect(patterns).toEqual(expect.arrayContaining(['https://arxiv.org/abs/*', 'https://arxiv.org/pdf/*', 'https://huggingface.co/papers/2*']));

    onClick!({ menuItemId: create.mock.calls[0]![0].id, linkUrl: 'https://arxiv.org/abs/hep-th/9901001v2' });
    await vi.waitFor(() => expect(savePaper).toHaveBeenCalledWith({ arxivId: 'hep-th/9901001', version: 2, source: 'arxiv' }));

    onCommand!(SAVE_COMMAND, { url: 'https://arxiv.org/html/2609.22268v1' });
    await vi.waitFor(() => expect(savePaper).toHaveBeenLastCalledWith({ arxivId: '2609.22268', version: 1, source: 'arxiv' }));
  });
});
