import { useLiveQuery } from 'dexie-react-hooks';
import { repository } from '@/utils/db/repository';
import type { Paper } from '@/utils/paper';

/** Every saved paper, newest first; undefined while loading. Follows writes made anywhere. */
export function usePapers(): Paper[] | undefined {
  return useLiveQuery(() => repository.listPapers(), []);
}
