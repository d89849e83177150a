import type { Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { COMPILE_EVERYTHING, contentScriptCompileHints } from '../../scripts/build/compile-hints';

type Handler = (this: unknown, options: unknown, bundle: Rollup.OutputBundle) => void;

function run(bundle: Record<string, { type: 'chunk' | 'asset'; fileName: string; code?: string; map?: { mappings: string } | null }>) {
  const hook = contentScriptCompileHints().generateBundle as { order: string; handler: Handler };
  expect(hook.order).toBe('post');
  hook.handler.call({}, {}, bundle as unknown as Rollup.OutputBundle);
  return bundle;
}

describe('content-script compile hints', () => {
  it('opens each content script with the hint, and moves its source map down the line it takes', () => {
    const bundle = run({
      'content-scripts/arxiv.js': { type: 'chunk', fileName: 'content-scripts/arxiv.js', code: '(function(){})();', map: { mappings: 'AAAA' } },
      'content-scripts/huggingface.js': { type: 'chunk', fileName: 'content-scripts/huggingface.js', code: '(function(){})();', map: null },
    });
    expect(bundle['content-scripts/arxiv.js']!.code).toBe(`${COMPILE_EVERYTHING}(function(){})();`);
    expect(bundle['content-scripts/arxiv.js']!.map!.mappings).toBe(';AAAA');
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
