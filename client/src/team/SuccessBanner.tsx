/**
 * The NHS.UK success banner, shown after a change to the team or to consent. It takes focus when
 * a new message arrives (the button pressed may have gone with the change), and is announced.
 */
import { useEffect, useRef } from "react";

export interface Success {
  /** Changes each time, so the same words said twice still move focus and are announced. */
  id: number;
  heading: string;
  body?: string;
}

export function SuccessBanner({ success }: { success: Success }) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves for each new message
  useEffect(() => {
    ref.current?.focus();
  }, [success.id]);
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      role="alert"
      aria-labelledby="success-banner-title"
      ref={ref}
      tabIndex={-1}
      data-testid="success-banner"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="success-banner-title">
          Success
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{success.heading}</p>
        {success.body && <p>{success.body}</p>}
      </div>
    </div>
  );
}
