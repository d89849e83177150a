import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
}

/** Shows what went wrong (an unreadable database, a bug) instead of a blank page. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    console.error('[paperdex:ui]', error);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="banner banner-error">
        <strong>Paperdex couldn't open your library.</strong> {this.state.error.message} Your saved papers are
        untouched; close and reopen this window to try again.
      </div>
    );
  }
}
