/**
 * The second thought before a change that takes effect at once — removing someone from a team,
 * recording that consent was withdrawn, unlinking the young person's account, withdrawing an
 * invitation: a warning card whose heading takes focus (so keyboard and screen reader users are
 * taken to the question), what will happen, and a yes and a cancel.
 */
import { useEffect, useRef, type ReactNode } from "react";
import "./second-thought.css";

interface SecondThoughtProps {
  testId: string;
  question: string;
  /** The heading's level where the card stands on its page. */
  level?: 2 | 3 | 4;
  /** The yes button's words, and its words while the change is being made. */
  yes: string;
  working: string;
  busy: boolean;
  onYes(): void;
  onCancel(): void;
  /** What will happen. */
  children: ReactNode;
}

export function SecondThought({ testId, question, level = 2, yes, working, busy, onYes, onCancel, children }: SecondThoughtProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: "center" });
  }, []);
  const Heading = `h${level}` as const;
  return (
    <div className="nhsuk-card nhsuk-card--warning rt-question" data-testid={testId}>
      <div className="nhsuk-card__content">
        <Heading className="nhsuk-card__heading" ref={headingRef} tabIndex={-1}>
          {question}
        </Heading>
        {children}
        <div className="rt-question__buttons">
          <button type="button" className="nhsuk-button nhsuk-button--warning" aria-disabled={busy || undefined} onClick={() => !busy && onYes()}>
            {busy ? working : yes}
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
