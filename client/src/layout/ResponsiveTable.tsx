/**
 * The NHS.UK responsive table: a normal table on wide screens, a stack of labelled rows on a
 * phone. The explicit roles keep it a table for screen readers when the CSS stacks it.
 */
import type { ReactNode } from "react";

export function ResponsiveTable({
  caption,
  captionSize = "m",
  hideCaption = false,
  className,
  headings,
  children,
}: {
  caption: string;
  captionSize?: "s" | "m";
  /** For a table that already has a heading just above it: the caption is for screen readers. */
  hideCaption?: boolean;
  className?: string;
  headings: readonly string[];
  children: ReactNode;
}) {
  return (
    <table className={`nhsuk-table nhsuk-table--responsive${className ? ` ${className}` : ""}`} role="table">
      <caption
        className={
          hideCaption ? "nhsuk-u-visually-hidden" : `nhsuk-table__caption nhsuk-table__caption--${captionSize}`
        }
      >
        {caption}
      </caption>
      <thead className="nhsuk-table__head" role="rowgroup">
        <tr className="nhsuk-table__row" role="row">
          {headings.map((heading) => (
            <th key={heading} className="nhsuk-table__header" scope="col" role="columnheader">
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">{children}</tbody>
    </table>
  );
}

/** A cell that carries its column heading, which only shows when the table is stacked. */
export function Cell({ heading, rowHeader = false, children }: { heading: string; rowHeader?: boolean; children: ReactNode }) {
  const label = (
    <span className="nhsuk-table__heading" aria-hidden="true">
      {heading}{" "}
    </span>
  );
  if (rowHeader) {
    return (
      <th className="nhsuk-table__header" scope="row" role="rowheader">
        {label}
        {children}
      </th>
    );
  }
  return (
    <td className="nhsuk-table__cell" role="cell">
      {label}
      {children}
    </td>
  );
}
