import type { Plugin } from 'vite';

/**
 * The popup's page as the browser gets it in a build: what its first paint needs and nothing
 * that competes with it (measured in a bench build: an external stylesheet adds about 15 ms to
 * an extension page's first paint, the module script and its preloads about 15 ms more).
 *
 * - Its stylesheet is written into the page (`<style>`): a `<link>` holds the first paint back
 *   until the file is read. Extension pages' CSP restricts scripts, not styles.
 * - Its module script and preloads come out: the page keeps the entry's address in
 *   `data-entry` on `#first-paint`, and `/popup-first-paint.js` adds it once the newest saves
 *   have painted (entrypoints/popup-first-paint.ts).
 *
 * Build only: `wxt dev` serves the page as written, the module loading beside the first paint.
 */
export function popupFirstPaintHtml(): Plugin {
  return {
    name: 'paperdex:popup-first-paint-html',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!/\/popup\/index\.html$/.test(ctx.path) || !ctx.bundle) return html;
        const bundle = ctx.bundle;
        let page = html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (tag, file: string) => {
          const asset = bundle[file];
          if (asset?.type !== 'asset') throw new Error(`popup.html: no stylesheet ${file} in the bundle`);
          delete bundle[file];
          return `<style>${String(asset.source)}</style>`;
        });
        const entry = /<script type="module"[^>]*src="([^"]+)"[^>]*><\/script>\s*/.exec(page);
        if (!entry || !page.includes('id="first-paint"')) throw new Error('popup.html: expected one module script and #first-paint');
        page = page
          .replace(entry[0], '')
          .replace(/<link rel="modulepreload"[^>]*>\s*/g, '')
          .replace('id="first-paint"', `id="first-paint" data-entry="${entry[1]}"`);
        return page;
      },
    },
  };
}
