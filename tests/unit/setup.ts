import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
  // The toolbar popup's address, which every write to the papers renews (the fake browser has
  // no in-memory action API of its own).
  let popup = '';
  fakeBrowser.action.setPopup = async (details) => void (popup = details.popup);
  fakeBrowser.action.getPopup = async () => popup;
});
