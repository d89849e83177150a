import { repository } from './db/repository';
import { createLibraryWrites } from './library-writes';
import { sendMessage } from './messaging';

/** The extension pages' writes, telling the background after each. */
export const libraryWrites = createLibraryWrites(repository, async (written) => {
  const answer = await sendMessage('libraryWritten', written);
  if (!answer.ok) throw new Error(answer.message);
});
