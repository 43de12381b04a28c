/**
 * An alert that takes focus when it appears, for when what had focus has gone (an editor closed
 * because access ended, or a change was refused for good): keyboard and screen reader users land
 * on the explanation instead of nowhere.
 */
import { useEffect, useRef, type ReactNode } from "react";

export function FocusedAlert({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <div className="nhsuk-error-summary rt-access-ended" role="alert" aria-labelledby={id}>
      <h2 className="nhsuk-error-summary__heading" id={id} ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <div className="nhsuk-error-summary__body">{children}</div>
    </div>
  );
}
