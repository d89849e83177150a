/**
 * Node benchmark of the search core (`npm run bench`): builds the word index for generated
 * libraries of 1k, 10k and 50k papers, times loading it back, and times every keystroke of a
 * fixed query set (each query typed letter by letter, as in the popup). Reports, never asserts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SearchEngine } from '../../utils/search/engine';
import { WordIndex } from '../../utils/search/word-index';
import { generateLibrary } from '../../tests/support/generate-library';
import { memoryStore } from '../../tests/support/memory-store';

const SIZES = [1_000, 10_000, 50_000];
const KEYSTROKE_BUDGET_MS = 16;
const queries = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../../tests/fixtures/search/half-remembered-queries.json'), 'utf8')) as {
    query: string;
  }[]
).map((q) => q.query);

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * JS heap plus the typed arrays' buffers (kept outside the heap), once garbage is collected: the
 * buffers of collected arrays are released after the collection, so a few turns are waited for
 * (measured at once, a 10,000-paper index once showed as -51 MB).
 */
async function memory(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function snapshotBytes(snapshot: ReturnType<WordIndex['toSnapshot']>): number {
  return (
    (snapshot.terms.length + snapshot.ids.length + snapshot.texts.length) * 2 +
    [snapshot.offsets, snapshot.postings, snapshot.fields, snapshot.savedAt, snapshot.updatedAt, snapshot.years, snapshot.sources].reduce(
      (sum, a) => sum + a.byteLength,
      0,
    )
  );
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (x: number) => `${(x / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  if (!(globalThis as { gc?: unknown }).gc) console.log('(run with node --expose-gc for exact memory numbers)');
  const rows: string[][] = [];
  for (const size of SIZES) {
    const library = generateLibrary(size);

    let t = performance.now();
    const snapshot = WordIndex.buildSnapshot(library);
    const buildMs = performance.now() - t;

    // Loading = what IndexedDB hands back (a structured clone) turned into a live index.
    const before = await memory();
    t = performance.now();
    const loaded = WordIndex.fromSnapshot(structuredClone(snapshot));
    const loadMs = performance.now() - t;
    const indexBytes = (await memory()) - before;
    if (!loaded.size) throw new Error('empty index');

    const engine = await SearchEngine.open(memoryStore(library), { persist: false });

    // Warm up, then time every keystroke of every query.
    for (const q of queries.slice(0, 5)) await engine.search(q);
    const perKeystroke: number[] = [];
    const perQuery: number[] = [];
    for (const q of queries) {
      for (let i = 1; i <= q.length; i++) {
        const start = performance.now();
        await engine.search(q.slice(0, i));
        const elapsed = performance.now() - start;
        perKeystroke.push(elapsed);
        if (i === q.length) perQuery.push(elapsed);
      }
    }
    const p95 = percentile(perKeystroke, 95);
    rows.push([
      size.toLocaleString('en'),
      ms(buildMs),
      mb(snapshotBytes(snapshot)),
      ms(loadMs),
      ms(percentile(perQuery, 50)),
      ms(percentile(perQuery, 95)),
      ms(percentile(perKeystroke, 50)),
      `${ms(p95)} ${p95 <= KEYSTROKE_BUDGET_MS ? '✓' : '✗'}`,
      mb(indexBytes),
    ]);
  }
  const header = ['papers', 'index build', 'index size', 'index load', 'query p50', 'query p95', 'keystroke p50', `keystroke p95 (≤ ${KEYSTROKE_BUDGET_MS} ms)`, 'loaded index memory'];
  console.log(`\nSearch core in Node ${process.version}, ${queries.length} queries typed letter by letter:\n`);
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

void main();
