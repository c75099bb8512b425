/**
 * The last line of defence: a page that throws while rendering shows a sentence and a reload button
 * instead of blanking the whole console.
 */
import { Component, type ComponentChildren } from 'preact';

export class ErrorBoundary extends Component<{ children: ComponentChildren }, { failed: boolean }> {
  override state = { failed: false };

  static override getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main class="centered" id="main">
        <div class="card notice error" role="alert">
          <h1>Something went wrong on this page</h1>
          <p>Reloading it usually helps. If it happens again, tell your administrator what you did just before.</p>
          <button type="button" class="primary" onClick={() => location.reload()}>
            Reload the page
          </button>
        </div>
      </main>
    );
  }
}
