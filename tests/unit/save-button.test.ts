// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createSaveButton, LABELS, pageTone, REFRESHED } from '@/utils/content/save-button';
import { unreachableMessage } from '@/utils/content/mount-papers';

/** The button's parts as they are now: the bubble is made when there is first something to say. */
const parts = (host: HTMLElement) => {
  const root = host.shadowRoot!;
  const [button, retry] = [...root.querySelectorAll('button')];
  return { button: button!, retry, bubble: root.querySelector<HTMLElement>('.bubble'), detail: root.querySelector<HTMLElement>('.detail') };
};
/** The message below the button, '' when none shows. */
const said = (host: HTMLElement) => {
  const { bubble, detail } = parts(host);
  return bubble && !bubble.hidden ? detail!.textContent : '';
};

describe('the in-page Save button', () => {
  it('keeps its accessible names and shows messages in a bubble only when there is one', () => {
    const saves: number[] = [];
    const b = createSaveButton(() => saves.push(1), 'arXiv 2401.12345');
    document.body.append(b.host);
    const { button } = parts(b.host);
    expect(button.textContent).toBe(LABELS.save);
    expect(said(b.host)).toBe('');
    expect(button.getAttribute('aria-describedby')).toBe('subject');
    expect(b.host.shadowRoot!.getElementById('subject')!.textContent).toBe('arXiv 2401.12345');

    b.set({ kind: 'saving', fetching: true });
    expect(said(b.host)).toBe('Fetching the details from arXiv…');
    expect(parts(b.host).retry!.hidden).toBe(true);
    button.click();
    expect(saves).toEqual([]); // a click while saving does nothing

    b.set({ kind: 'saved', version: 2, refreshed: true });
    expect(button.textContent).toBe(LABELS.saved);
    expect(said(b.host)).toBe(REFRESHED);
    b.set({ kind: 'saved', version: 2 });
    expect(said(b.host)).toBe('');

    // An incomplete record found on a later visit shows its mark and tooltip, no bubble over
    // the page; a save that just ran says why and offers Retry.
    b.set({ kind: 'incomplete', version: 1 });
    expect(button.textContent).toBe(LABELS.incomplete);
    expect(said(b.host)).toBe('');
    b.set({ kind: 'incomplete', version: 1, note: "arXiv can't be reached: check your connection." });
    expect(said(b.host)).toBe("arXiv can't be reached: check your connection. Retry to complete it.");
    const { retry } = parts(b.host);
    expect(retry!.hidden).toBe(false);
    expect(retry!.getAttribute('aria-describedby')).toBe('subject');
    retry!.click();
    expect(saves).toEqual([1]);
    button.click();
    expect(saves).toEqual([1, 1]);

    b.set({ kind: 'failed', message: 'the library is full' });
    expect(said(b.host)).toBe("Couldn't save: the library is full");
    expect(parts(b.host).detail!.dataset.tone).toBe('error');

    b.set({ kind: 'unreadable', reason: 'no title on this page' });
    expect(button.disabled).toBe(true);
    expect(said(b.host)).toBe('Paperdex: no title on this page.');
  });

  it('is cloned from one shape: every button is its own, and one without a subject describes nothing', () => {
    const [a, b] = [createSaveButton(() => undefined, 'arXiv 2401.00001'), createSaveButton(() => undefined)];
    a.set({ kind: 'saved', version: 1 });
    expect(parts(a.host).button.textContent).toBe(LABELS.saved);
    expect(parts(b.host).button.textContent).toBe(LABELS.save);
    expect(parts(b.host).button.hasAttribute('aria-describedby')).toBe(false);
    expect(b.host.shadowRoot!.getElementById('subject')).toBeNull();
    b.set({ kind: 'failed', message: 'offline' });
    expect(parts(b.host).retry!.hasAttribute('aria-describedby')).toBe(false);
    // A state shown again is left as it is; a new one replaces it.
    a.set({ kind: 'saved', version: 1 });
    a.set({ kind: 'outdated', version: 1, available: 3 });
    expect(parts(a.host).button.textContent).toBe(LABELS.outdated(3));
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
