import { describe, expect, it } from 'vitest';
import { escapeXml, suggestionFor } from '@/entrypoints/background/omnibox';

/** XML 1.0's Char production: what a well-formed document may hold. */
const XML_CHARS = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

/** Well-formed character data: XML characters only, markup escaped, every & an entity. */
function isCharacterData(text: string): boolean {
  return XML_CHARS.test(text) && !/[<>]/.test(text) && !/&(?!(?:amp|lt|gt|quot|apos);)/.test(text);
}
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

  it('are well-formed XML whatever a title holds: every code point, lone surrogates, noncharacters', () => {
    const bad: string[] = [];
    for (let start = 0; start <= 0x10ffff; start += 0x1000) {
      let block = '';
      for (let c = start; c < start + 0x1000; c++) block += String.fromCodePoint(c);
      if (!isCharacterData(escapeXml(block))) bad.push(start.toString(16));
    }
    expect(bad).toEqual([]);
    // The report's title, and a lone surrogate pasted from a broken page.
    const bell = mergePaper(undefined, paperInput({ title: 'Ring the \u0007bell\u0000 on\ud800 time\uffff', authors: ['Jane Doe'] }), 1);
    const { description } = suggestionFor(bell, new Set(['bell']), true);
    expect(isCharacterData(description.replace(/<\/?(match|dim)>/g, ''))).toBe(true);
    expect(description).toBe('Ring the  <match>bell</match>  on\ufffd time\ufffd <dim>Jane Doe · 2018</dim>');
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(suggestionFor(bell, new Set(), false).description).not.toMatch(/[\u0000-\u001f]/);
  });

  it('keep every character XML allows, emoji and all', () => {
    const text = 'Ünïcode 数学 𝛼-divergence 🙂 tab\there';
    expect(escapeXml(text)).toBe('Ünïcode 数学 𝛼-divergence 🙂 tab here');
  });
});
