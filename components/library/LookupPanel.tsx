import type { Lookups } from '@/hooks/useLookupSettings';

/**
 * "Find where papers were published and their code": off until turned on; says exactly what
 * is sent where before the user decides, and that the browser will ask for the two sites.
 */
export function LookupPanel({ lookups }: { lookups: Lookups }) {
  const { settings } = lookups;
  if (!settings) {
    return (
      <section className="lookups" aria-labelledby="lookups-title">
        <h2 id="lookups-title">Venues and code</h2>
        <p className="hint">{lookups.unavailable ? "Paperdex's background isn't responding, so this setting can't be shown. Reload this page." : 'Loading…'}</p>
      </section>
    );
  }
  return (
    <section className="lookups" aria-labelledby="lookups-title">
      <h2 id="lookups-title">Venues and code</h2>
      <label>
        <input type="checkbox" checked={settings.enabled} onChange={(e) => lookups.setEnabled(e.target.checked)} /> Find where papers were published and their code
      </label>
      <p className="hint">
        When on, Paperdex sends the arXiv ids of your papers to Semantic Scholar (api.semanticscholar.org), a paper's title to DBLP (dblp.org) when
        Semantic Scholar lists a venue for it or does not know it, and arXiv ids to Hugging Face (huggingface.co) for code links. Nothing else leaves: no notes, tags or reading status. Your browser asks
        once for access to Semantic Scholar and DBLP. Papers not yet published are checked again weekly; turning this off stops every lookup.
      </p>
      {settings.enabled && !settings.granted && (
        <p role="alert" className="banner banner-error">
          Access to Semantic Scholar and DBLP was taken away in the browser, so nothing is looked up. Turn this off and on again to allow it.
        </p>
      )}
    </section>
  );
}
