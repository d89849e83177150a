import type { Plugin } from 'vite';

/** V8's explicit compile hint: compile every function of the file as the script loads. */
export const COMPILE_EVERYTHING = '//# allFunctionsCalledOnLoad\n';

/**
 * Marks the content scripts for eager compilation. V8 otherwise parses a script's functions
 * twice, a quick pass as it loads and the full compile at each function's first call; a content
 * script calls nearly all of its code at once (read the page, put in the buttons), on every
 * arXiv and Hugging Face page. Measured in this machine's Chromium, the build with and without
 * the hint alternated, 25 loads each of 200-entry pages: script time 20.6 → 18.3 ms (arXiv),
 * 23.0 → 19.4 ms (Hugging Face). Browsers without the feature read a comment.
 *
 * The hint must open the file, so it goes in after minification; the source map moves down a line.
 */
export function contentScriptCompileHints(): Plugin {
  return {
    name: 'paperdex:content-script-compile-hints',
    apply: 'build',
    // After WXT's own touches to the script (it takes the IIFE's name off its first line).
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.fileName.startsWith('content-scripts/')) continue;
          chunk.code = COMPILE_EVERYTHING + chunk.code;
          if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
          // The map file is already in the bundle by now (Rolldown, Rollup): it moves down too.
          const mapFile = bundle[chunk.sourcemapFileName ?? `${chunk.fileName}.map`];
          if (mapFile?.type === 'asset') {
            const map = JSON.parse(String(mapFile.source)) as { mappings: string };
            mapFile.source = JSON.stringify({ ...map, mappings: `;${map.mappings}` });
          }
        }
      },
    },
  };
}
