import { StrictMode, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { App } from './App';
import { replaceFirstPaint } from './first-paint';

/** React's popup, mounted once main.ts has painted the first screen without it. */
function ReplaceFirstPaint() {
  // After App's own layout effects (an earlier sibling), before the browser paints.
  useLayoutEffect(() => replaceFirstPaint(document.querySelector<HTMLInputElement>('#root input.search')), []);
  return null;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
    <ReplaceFirstPaint />
  </StrictMode>,
);
