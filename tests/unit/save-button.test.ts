// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createSaveButton, LABELS, pageTone, REFRESHED } from '@/utils/content/save-button';
import { unreachableMessage } from '@/utils/content/mount-papers';

const parts = (host: HTMLElement) => {
  const root = host.shadowRoot!;
  const [button, retry] = [...root.querySelectorAll('button')];
  return { button: button!, retry: retry!, bubble: root.querySelector<HTMLElement>('.bubble')!, detail: root.querySelector<HTMLElement>('.detail')! };
};

describe('the in-page Save button', () => {
  it('keeps its accessible names and shows messages in a bubble only when there is one', () => {
    const saves: number[] = [];
    const b = createSaveButton(() => saves.push(1), 'arXiv 2401.12345');
    document.body.append(b.host);
    const { button, retry, bubble, detail } = parts(b.host);
    expect(button.textContent).toBe(LABELS.save);
    expect(bubble.hidden).toBe(true);

    b.set({ kind: 'saving', fetching: true });
    expect(detail.textContent).toBe('Fetching the details from arXiv…');
    expect(bubble.hidden).toBe(false);
    button.click();
    expect(saves).toEqual([]); // a click while saving does nothing

    b.set({ kind: 'saved', version: 2, refreshed: true });
    expect(button.textContent).toBe(LABELS.saved);
    expect(detail.textContent).toBe(REFRESHED);
    b.set({ kind: 'saved', version: 2 });
    expect(bubble.hidden).toBe(true);

    // An incomplete record found on a later visit shows its mark and tooltip, no bubble over
    // the page; a save that just ran says why and offers Retry.
    b.set({ kind: 'incomplete', version: 1 });
    expect(button.textContent).toBe(LABELS.incomplete);
    expect(bubble.hidden).toBe(true);
    b.set({ kind: 'incomplete', version: 1, note: "arXiv can't be reached: check your connection." });
    expect(detail.textContent).toBe("arXiv can't be reached: check your connection. Retry to complete it.");
    expect(retry.hidden).toBe(false);
    retry.click();
    expect(saves).toEqual([1]);

    b.set({ kind: 'unreadable', reason: 'no title on this page' });
    expect(button.disabled).toBe(true);
    expect(detail.textContent).toBe('Paperdex: no title on this page.');
  });

  it('is dark on a dark page and light on a light or transparent one, by the page not the system', () => {
    const box = (background: string) => {
      const outer = document.createElement('div');
      outer.style.backgroundColor = background;
      const inner = document.createElement('span');
      outer.append(document.createElement('p'));
      outer.firstElementChild!.append(inner);
      document.body.append(outer);
      return inner;
    };
    expect(pageTone(box('rgb(11, 15, 25)'))).toBe('dark');
    expect(pageTone(box('rgb(255, 255, 255)'))).toBe('light');
    // A nearly transparent background is no background: the page's (none: light) decides.
    expect(pageTone(box('rgba(0, 0, 0, 0.02)'))).toBe('light');
  });

  it('asks for a reload only when the extension changed under the page; a silent worker is tried again', () => {
    expect(unreachableMessage(new Error('Could not establish connection. Receiving end does not exist.'))).toBe("Paperdex didn't answer. Try again.");
    expect(unreachableMessage(new Error('Extension context invalidated.'))).toMatch(/^Paperdex was updated or restarted\. Reload this page/);
  });
});
