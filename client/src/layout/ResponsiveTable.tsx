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

/**
 * A cell that carries its column heading, which only shows when the table is stacked. On a phone
 * the heading sits beside one body, so a name and the line under it stay together on the right
 * and the heading keeps its width. A cell that is only a button (`buttonOnly`) shows no heading
 * there: the button says what it does.
 */
export function Cell({
  heading,
  rowHeader = false,
  buttonOnly = false,
  children,
}: {
  heading: string;
  rowHeader?: boolean;
  buttonOnly?: boolean;
  children: ReactNode;
}) {
  const label = (
    <span className="nhsuk-table__heading" aria-hidden="true">
      {heading}{" "}
    </span>
  );
  const body = <div className={buttonOnly ? "rt-cell-body rt-cell-body--button" : "rt-cell-body"}>{children}</div>;
  if (rowHeader) {
    return (
      <th className="nhsuk-table__header" scope="row" role="rowheader">
        {label}
        {body}
      </th>
    );
  }
  return (
    <td className="nhsuk-table__cell" role="cell">
      {label}
      {body}
    </td>
  );
}
