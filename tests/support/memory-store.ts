import type { Paper } from '../../utils/paper/schema';
import type { SearchStore } from '../../utils/search/engine';
import { libraryFingerprint } from '../../utils/search/word-index';

/** A library held in memory, for testing and benchmarking search without IndexedDB. */
export function memoryStore(papers: readonly Paper[]): SearchStore {
  const byId = new Map(papers.map((p) => [p.id, p]));
  return {
    async loadSearchState() {
      return {
        snapshot: null,
        deltaSeq: 0,
        log: [],
        paperCount: byId.size,
        maxUpdatedAt: Math.max(0, ...[...byId.values()].map((p) => p.updatedAt)),
      };
    },
    async libraryFingerprint() {
      const papers = [...byId.values()];
      return { fingerprint: libraryFingerprint(papers.map((p) => p.updatedAt)), count: papers.length, seq: 0 };
    },
    async searchChangesSince() {
      return { log: [], snapshotSeq: 0, maxUpdatedAt: Math.max(0, ...[...byId.values()].map((p) => p.updatedAt)) };
    },
    async snapshotLibrary() {
      return { papers: [...byId.values()], seq: 0 };
    },
    async saveSearchSnapshot() {
      return true;
    },
    async getPapers(ids) {
      return ids.map((id) => byId.get(id));
    },
    async papersAfter(after, limit) {
      const papers = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).filter((p) => after === null || p.id > after).slice(0, limit);
      return { papers, next: papers.length < limit ? null : papers[papers.length - 1]!.id };
    },
  };
}
