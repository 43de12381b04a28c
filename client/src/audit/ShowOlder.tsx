/**
 * The foot of a list read a page at a time: what the last "Show older" did (for screen readers),
 * why it failed if it did, and the button while there may be more — or what to say at the end.
 */
import type { ReactNode } from "react";

interface ShowOlderProps {
  pages: { more: boolean; loadingMore: boolean; error: string | null; announcement: string; showOlder(): Promise<void> };
  label: string;
  /** Said once there is nothing older. */
  end?: ReactNode;
}

export function ShowOlder({ pages, label, end }: ShowOlderProps) {
  return (
    <>
      <p className="nhsuk-u-visually-hidden" role="status">
        {pages.announcement}
      </p>
      {pages.error && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {pages.error}
        </p>
      )}
      {pages.more ? (
        <button type="button" className="nhsuk-button nhsuk-button--secondary" aria-disabled={pages.loadingMore || undefined} onClick={() => void pages.showOlder()}>
          {pages.loadingMore ? "Loading…" : label}
        </button>
      ) : (
        end
      )}
    </>
  );
}
