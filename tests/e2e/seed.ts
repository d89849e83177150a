import type { Page } from '@playwright/test';
import type { Paper } from '../../utils/paper/schema';
import { fixtureText } from './fixtures';

interface HfDailyEntry {
  paper: {
    id: string;
    title: string;
    summary: string;
    publishedAt: string;
    authors: { name: string }[];
  };
}

/** Real papers (the saved Hugging Face daily list of 2026-06-12) as library records. */
export function realPapers(count: number, now = Date.now()): Paper[] {
  const entries = JSON.parse(fixtureText('huggingface', 'api-daily-papers-2026-06-12', 'response.json')) as HfDailyEntry[];
  return entries.slice(0, count).map(({ paper }, i) => ({
    id: `arxiv:${paper.id}`,
    arxivId: paper.id,
    version: 1,
    title: paper.title.replace(/\s+/g, ' ').trim(),
    authors: paper.authors.map((a) => a.name),
    abstract: paper.summary.replace(/\s+/g, ' ').trim(),
    published: paper.publishedAt.slice(0, 10),
    updated: paper.publishedAt.slice(0, 10),
    url: `https://arxiv.org/abs/${paper.id}`,
    pdfUrl: `https://arxiv.org/pdf/${paper.id}`,
    categories: [],
    sources: ['huggingface'],
    tags: [],
    notes: '',
    savedAt: now - (i + 1) * 60_000,
    updatedAt: now - (i + 1) * 60_000,
  }));
}

/**
 * Writes records straight into the extension's IndexedDB from one of its pages (the popup), as
 * a library restored from a backup would look. The page must have opened the library already.
 */
export async function seedLibrary(extensionPage: Page, papers: Paper[]): Promise<void> {
  await extensionPage.evaluate(
    (records) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('paperdex');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('papers', 'readwrite');
          const store = tx.objectStore('papers');
          for (const record of records) store.put(record);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    papers,
  );
}

/** All of one table of the extension's IndexedDB (`getAll`) or its size (`count`), read from one of its pages. */
export async function readTable<T>(extensionPage: Page, table: string, read: 'getAll' | 'count'): Promise<T> {
  return extensionPage.evaluate(
    ({ table, read }) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('paperdex');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(table).objectStore(table)[read]();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    { table, read },
  );
}

/** Every stored record, read from one of the extension's pages. */
export async function readLibrary(extensionPage: Page): Promise<Paper[]> {
  return readTable<Paper[]>(extensionPage, 'papers', 'getAll');
}
