import { afterEach, describe, expect, it, vi } from 'vitest';
import { RESIDENT_CHANNEL, askResident, serveResident, type ResidentAnswer } from '@/utils/search/resident';
import { paperInput } from '../paper-factory';
import { mergePaper } from '@/utils/paper/merge';

const paper = mergePaper(undefined, paperInput(), 1);
const answerFor = (text: string): ResidentAnswer => ({ text, ids: [paper.id], total: 1, terms: ['pruning'], relaxed: false, papers: [paper] });

const open: BroadcastChannel[] = [];
function channel(): BroadcastChannel {
  const c = new BroadcastChannel(RESIDENT_CHANNEL);
  open.push(c);
  return c;
}

afterEach(() => {
  for (const c of open.splice(0)) c.close();
  vi.useRealTimers();
});

describe('the resident search protocol', () => {
  it('brings each asker the answer to what it asked, records included, and nothing of others', async () => {
    serveResident(async (text) => answerFor(text), channel());
    const [a, b] = await Promise.all([askResident('pruning'), askResident('network pruning')]);
    expect(a).toEqual(answerFor('pruning'));
    expect(b?.text).toBe('network pruning');
    expect(b?.papers[0]?.title).toBe(paper.title);
  });

  it('answers null when the search failed, or answered another text', async () => {
    serveResident(async (text) => (text === 'fails' ? Promise.reject(new Error('no index')) : answerFor(`${text}!`)), channel());
    expect(await askResident('fails')).toBeNull();
    expect(await askResident('pruning')).toBeNull();
  });

  it('stops waiting when nothing answers (Firefox has no offscreen document)', async () => {
    vi.useFakeTimers();
    const asked = askResident('pruning');
    await vi.advanceTimersByTimeAsync(3000);
    expect(await asked).toBeNull();
  });
});
