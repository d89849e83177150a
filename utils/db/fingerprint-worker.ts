/**
 * A one-off worker that reads the library's fingerprint (utils/db/fingerprint.ts) and answers
 * once. It opens the database at whatever version it is and closes it as soon as it is done, or
 * when another context asks to upgrade it.
 */
import { readFingerprint, type FingerprintMessage } from './fingerprint';

const answer = (message: FingerprintMessage) => postMessage(message);

onmessage = (event: MessageEvent<string>) => {
  const open = indexedDB.open(event.data);
  // The library is not there (never opened, or deleted): create nothing.
  open.onupgradeneeded = () => open.transaction?.abort();
  open.onerror = () => answer({ ok: false, message: String(open.error ?? 'the library could not be opened') });
  open.onsuccess = () => {
    const idb = open.result;
    idb.onversionchange = () => idb.close();
    answer({ opened: true });
    readFingerprint(idb).then(
      (value) => answer({ ok: true, value }),
      (error: unknown) => answer({ ok: false, message: String(error) }),
    ).finally(() => idb.close());
  };
};
