import { describe, expect, it } from 'vitest';
import { escapeXml, suggestionFor } from '@/entrypoints/background/omnibox';
import { mergePaper } from '@/utils/paper/merge';
import { paperInput } from './paper-factory';

describe('address bar suggestions', () => {
  const paper = mergePaper(undefined, paperInput({ title: 'Pruning <b>&</b> "friends"', authors: ['A <x>', 'B'] }), 1);

  it('escape every page-derived character and mark matched words', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    const s = suggestionFor(paper, new Set(['pruning']), true);
    expect(s.content).toBe('https://arxiv.org/abs/1810.05270');
    expect(s.description).toBe(
      '<match>Pruning</match> &lt;b&gt;&amp;&lt;/b&gt; &quot;friends&quot; <dim>A &lt;x&gt;, B · 2018</dim>',
    );
  });

  it('use plain text where the browser shows no markup', () => {
    expect(suggestionFor(paper, new Set(['pruning']), false).description).toBe('Pruning <b>&</b> "friends" — A <x>, B · 2018');
  });
});
