import type { Segment } from '@/utils/search/highlight';

/**
 * Text with the matched words marked; every piece is a text node, never HTML. Unmarked pieces
 * stay bare text (no element each): a keystroke re-renders every row's title, byline and snippet.
 */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}
