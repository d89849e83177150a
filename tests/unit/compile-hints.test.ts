import type { Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { COMPILE_EVERYTHING, contentScriptCompileHints } from '../../scripts/build/compile-hints';

type Handler = (this: unknown, options: unknown, bundle: Rollup.OutputBundle) => void;

interface Output {
  type: 'chunk' | 'asset';
  fileName: string;
  code?: string;
  map?: { mappings: string } | null;
  sourcemapFileName?: string | null;
  source?: string;
}

function run(bundle: Record<string, Output>) {
  const hook = contentScriptCompileHints().generateBundle as { order: string; handler: Handler };
  expect(hook.order).toBe('post');
  hook.handler.call({}, {}, bundle as unknown as Rollup.OutputBundle);
  return bundle;
}

describe('content-script compile hints', () => {
  it('opens each content script with the hint, and moves its source map down the line it takes', () => {
    const bundle = run({
      'content-scripts/arxiv.js': { type: 'chunk', fileName: 'content-scripts/arxiv.js', code: '(function(){})();', map: { mappings: 'AAAA' }, sourcemapFileName: 'content-scripts/arxiv.js.map' },
      // The file written: the bundler made it from the chunk's map before this hook.
      'content-scripts/arxiv.js.map': { type: 'asset', fileName: 'content-scripts/arxiv.js.map', source: JSON.stringify({ version: 3, names: ['x'], mappings: 'AAAA,CAAC' }) },
      'content-scripts/huggingface.js': { type: 'chunk', fileName: 'content-scripts/huggingface.js', code: '(function(){})();', map: null },
    });
    expect(bundle['content-scripts/arxiv.js']!.code).toBe(`${COMPILE_EVERYTHING}(function(){})();`);
    expect(bundle['content-scripts/arxiv.js']!.map!.mappings).toBe(';AAAA');
    expect(JSON.parse(bundle['content-scripts/arxiv.js.map']!.source!)).toEqual({ version: 3, names: ['x'], mappings: ';AAAA,CAAC' });
    expect(bundle['content-scripts/huggingface.js']!.code!.startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
  });

  it('leaves the pages’ scripts and every asset alone', () => {
    const bundle = run({
      'chunks/popup-abc.js': { type: 'chunk', fileName: 'chunks/popup-abc.js', code: 'export{}', map: null },
      'content-scripts/arxiv.css': { type: 'asset', fileName: 'content-scripts/arxiv.css' },
    });
    expect(bundle['chunks/popup-abc.js']!.code).toBe('export{}');
    expect(bundle['content-scripts/arxiv.css']).toEqual({ type: 'asset', fileName: 'content-scripts/arxiv.css' });
  });
});
