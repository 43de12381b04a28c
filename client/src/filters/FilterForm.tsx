/**
 * The frame of a list's filters: a form of filter boxes (side by side on wide screens, stacked
 * on a phone) that applies each change at once, a way to try again when the choices could not
 * be loaded, and "Clear filters" while any is on.
 */
import type { ReactNode } from "react";
import type { Resource } from "../api/use-resource";
import { Link } from "../navigation/Link";
import "./filters.css";

interface FilterFormProps {
  /** The form's accessible name ("Filter overdue actions"). */
  label: string;
  /** What the choices are, for the words when they could not be loaded ("the agencies and cases"). */
  choicesWhat: string;
  choices: Resource<unknown>;
  /** Where "Clear filters" goes; null while no filter is on. */
  clearHref: string | null;
  onClear(): void;
  /** Rows of filter boxes (FilterRow). */
  children: ReactNode;
}

export function FilterForm({ label, choicesWhat, choices, clearHref, onClear, children }: FilterFormProps) {
  return (
    <form className="rt-filters" aria-label={label} onSubmit={(event) => event.preventDefault()}>
      {children}
      {choices.status === "failed" && (
        <div className="rt-filters__problem">
          <p>
            We could not load {choicesWhat} to filter by. {choices.error.message}
          </p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={choices.retry}>
            Try loading the filters again
          </button>
        </div>
      )}
      {clearHref !== null && (
        <p className="rt-filters__clear">
          <Link href={clearHref} onClick={onClear}>
            Clear filters
          </Link>
        </p>
      )}
    </form>
  );
}

/** One row of filter boxes. */
export function FilterRow({ children }: { children: ReactNode }) {
  return <div className="rt-filters__boxes">{children}</div>;
}
