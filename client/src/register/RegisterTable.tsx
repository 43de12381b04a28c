/**
 * The register's children as a table: on a phone each child stacks into a card of labelled lines
 * (the NHS.UK responsive table), so nothing scrolls sideways. The rating is a word, never only a
 * colour; the signals are short lines under the child's name.
 */
import type { RegisterRow } from "@roundtable/domain";
import { RagRatingTag } from "../cases/RagRatingTag";
import { formatNextMeeting } from "../cases/format-meeting";
import { Cell, ResponsiveTable } from "../layout/ResponsiveTable";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { cetrLines, formatDay } from "./register-words";

const headings = ["Child", "Rating", "Keyworker", "Rating last changed", "Next meeting", "CETR"] as const;

export function RegisterTable({ rows, caption }: { rows: readonly RegisterRow[]; caption: string }) {
  return (
    <ResponsiveTable className="rt-register-table" caption={caption} hideCaption headings={headings}>
      {rows.map((row) => (
        <RegisterTableRow key={row.child.id} row={row} />
      ))}
    </ResponsiveTable>
  );
}

function RegisterTableRow({ row }: { row: RegisterRow }) {
  const signalsId = `signals-${row.child.id}`;
  return (
    <tr className="nhsuk-table__row" role="row" data-testid="register-row">
      <Cell heading="Child" rowHeader>
        {row.mayOpen ? (
          <Link href={paths.case(row.child.id)} aria-describedby={row.signals.length > 0 ? signalsId : undefined}>
            {row.child.name}
          </Link>
        ) : (
          <>
            <span className="rt-register__name">{row.child.name}</span>
            <span className="rt-register__note">You are not on this child's team</span>
          </>
        )}
        {row.signals.length > 0 && (
          <ul className="rt-register__signals" id={signalsId} aria-label={`Needs a look (${row.signals.length})`}>
            {row.signals.map((signal) => (
              <li key={signal.kind} className="rt-register__signal" data-signal={signal.kind}>
                {signal.text}
              </li>
            ))}
          </ul>
        )}
      </Cell>
      <Cell heading="Rating">
        <RagRatingTag rating={row.rating} />
      </Cell>
      <Cell heading="Keyworker">
        <span className="rt-register__lines">
          <span>{row.keyworker?.name ?? "Not allocated"}</span>
          {row.secondKeyworker && <span className="rt-register__second">Second: {row.secondKeyworker.name}</span>}
        </span>
      </Cell>
      <Cell heading="Rating last changed">{formatDay(row.lastRatingChangeAt)}</Cell>
      <Cell heading="Next meeting">{formatNextMeeting(row.nextMeetingAt)}</Cell>
      <Cell heading="CETR">
        <span className="rt-register__lines">
          {cetrLines(row).map((line) => (
            <span key={line}>{line}</span>
          ))}
        </span>
      </Cell>
    </tr>
  );
}
