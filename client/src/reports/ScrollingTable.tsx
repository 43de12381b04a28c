/**
 * A table of the report's figures with its caption, in the NHS.UK scrolling table's markup
 * (nhsuk-scroll): on a narrow screen it keeps its columns and scrolls sideways in its own box,
 * with a shadow on the side there is more to see, and the caption stays in view, wrapped to the
 * box. What NHS.UK's script does for it is done here: the box is named by the caption, and takes
 * keyboard focus (so it can be scrolled without a mouse) only while there is something to scroll.
 */
import { useId, useLayoutEffect, useRef, useState, type ReactNode } from "react";

interface ScrollState {
  scrollable: boolean;
  left: boolean;
  right: boolean;
}

function useScrollState() {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<ScrollState>({ scrollable: false, left: false, right: false });
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const update = () => {
      const scrollable = element.scrollWidth > element.clientWidth;
      const next = { scrollable, left: element.scrollLeft > 0, right: element.scrollLeft < element.scrollWidth - element.clientWidth - 1 };
      setState((now) => (now.scrollable === next.scrollable && now.left === next.left && now.right === next.right ? now : next));
    };
    update();
    element.addEventListener("scroll", update, { passive: true });
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(update);
    observer?.observe(element);
    return () => {
      element.removeEventListener("scroll", update);
      observer?.disconnect();
    };
  }, []);
  return { box, state };
}

export function ScrollingTable({ caption, children, testId }: { caption: string; children: ReactNode; testId?: string }) {
  const captionId = useId();
  const { box, state } = useScrollState();
  const classes = ["nhsuk-scroll", "rt-report-table"];
  if (state.scrollable) classes.push("nhsuk-scroll--scrollable");
  if (state.scrollable && state.left) classes.push("nhsuk-scroll--scrollable-left");
  if (state.scrollable && state.right) classes.push("nhsuk-scroll--scrollable-right");
  return (
    <div className={classes.join(" ")} data-testid={testId}>
      <section ref={box} className="nhsuk-scroll__content" aria-labelledby={captionId} tabIndex={state.scrollable ? 0 : undefined}>
        <table className="nhsuk-table">
          <caption id={captionId} className="nhsuk-table__caption nhsuk-table__caption--s">
            {caption}
          </caption>
          {children}
        </table>
      </section>
    </div>
  );
}

/** A header cell for a column of words (the first, naming each row). */
export function ColumnHeader({ children }: { children: ReactNode }) {
  return (
    <th className="nhsuk-table__header" scope="col">
      {children}
    </th>
  );
}

/** The cell naming a row. */
export function RowName({ children }: { children: ReactNode }) {
  return (
    <th className="nhsuk-table__header rt-report-table__row-name" scope="row">
      {children}
    </th>
  );
}

/** A header cell for a column of numbers. */
export function NumberHeader({ children }: { children: ReactNode }) {
  return (
    <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
      {children}
    </th>
  );
}

/** A cell holding a number. */
export function NumberCell({ children }: { children: ReactNode }) {
  return <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{children}</td>;
}
