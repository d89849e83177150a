/**
 * "Find where papers were published and their code": kept by the background in storage.local,
 * shown and changed in the library page's Settings. Off until the user turns it on.
 */

/** Where the background keeps it (storage.local). */
export const LOOKUP_SETTINGS_KEY = 'paperdex.lookups';

export interface LookupSettings {
  enabled: boolean;
  /** Whether the browser lets Paperdex reach Semantic Scholar and DBLP (optional host permissions). */
  granted: boolean;
}
