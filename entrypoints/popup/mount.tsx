import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { firstScreen } from '@/utils/db/first-screen';
import { App } from './App';
import './style.css';

performance.mark('paperdex:start');
// Reading the newest saves overlaps React's first render.
void firstScreen();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
