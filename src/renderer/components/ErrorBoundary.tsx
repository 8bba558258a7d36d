import { Component, type ErrorInfo, type ReactNode } from 'react';
import { dictionaries } from '../i18n';

/**
 * The one top-level boundary: a render error shows a calm panel with a reload button instead of a blank
 * window. Both languages at once — the store (and so the language setting) may be what broke.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Only the error's kind and the component stack: never values that may hold a token.
    console.error(`wxtoken: render failed (${error.name})`, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const zh = dictionaries['zh-CN'];
    const en = dictionaries.en;
    return (
      <main className="unauthorized crash" role="alert" aria-labelledby="crash-title">
        <h1 id="crash-title">
          {zh['crash.title']} / <span lang="en">{en['crash.title']}</span>
        </h1>
        <p>{zh['crash.explain']}</p>
        <p lang="en">{en['crash.explain']}</p>
        <button type="button" className="primary" onClick={() => location.reload()}>
          {zh['crash.reload']} / {en['crash.reload']}
        </button>
      </main>
    );
  }
}
