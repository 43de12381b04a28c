/**
 * Around a page whose code is loaded on demand (a document, a meeting): if that code cannot be
 * fetched (the connection dropped at that moment), or the page fails as it opens, the reader is
 * told so and offered a reload, instead of the whole app going blank. The browser may remember
 * a failed load, so trying again reloads the page rather than asking React again.
 */
import { Component, type ReactNode } from "react";

interface State {
  failed: boolean;
}

export class PageCodeBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Sorry, this page did not open</h1>
          <p>Something went wrong while opening it. Often the connection dropped for a moment: check you are connected, then try again.</p>
          <button type="button" className="nhsuk-button" onClick={() => window.location.reload()}>
            Try again
          </button>
        </div>
      </div>
    );
  }
}
