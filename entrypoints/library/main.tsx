import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { loadRuntime } from '@/utils/load-runtime';
import { LibraryApp } from './App';
import './style.css';

// The library page edits and imports at once: its search engine must follow from the start, so
// the runtime loads beside the first screen rather than after it (it is not in its first JS).
void loadRuntime().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <LibraryApp />
    </ErrorBoundary>
  </StrictMode>,
);
