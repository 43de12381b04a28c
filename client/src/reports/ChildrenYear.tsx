/**
 * "Each child's year": every child in a line, grouped by how their rating now compares with a
 * year ago (more serious first), each with the ratings they went through and how many changes.
 * A service lead scans a list like this for the board far faster than opening each child's
 * chart; the child's name opens their page, where that chart is, with the reason for every change.
 */
import type { ReportLevel, ServiceReport } from "@roundtable/domain";
import { Fragment } from "react";
import { RagRatingTag } from "../cases/RagRatingTag";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { ColumnHeader, NumberCell, NumberHeader, RowName, ScrollingTable } from "./ScrollingTable";
import { changesText, comparedHeading, comparedOrder, comparedSummary, levelLabel, reportDate, yearAgoDate } from "./service-report-words";

export function ChildrenYear({ levels, years }: { levels: readonly ReportLevel[]; years: ServiceReport["children"] }) {
  const { total, compared, listed, yearStartsOn } = years;
  return (
    <>
      <h3>Each child's year</h3>
      <p>
        Each child's ratings since {yearAgoDate(yearStartsOn)}, grouped by how their rating now compares with then. A child's name opens their page, with the chart of
        their year and the reason for every change.
      </p>
      <p data-testid="children-compared">{comparedSummary(compared)}</p>
      {listed.length < total && (
        <p className="rt-report__note">
          This lists {listed.length} of the {total} children: those whose ratings are more serious than a year ago come first. The counts include every child.
        </p>
      )}
      {comparedOrder.map((group) => {
        const rows = listed.filter((c) => c.compared === group);
        if (rows.length === 0) return null;
        return (
          <ScrollingTable key={group} caption={comparedHeading(group, compared[group])} testId={`children-${group}`}>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <ColumnHeader>Child</ColumnHeader>
                <ColumnHeader>{group === "new" ? "Ratings since joining" : "Ratings this year"}</ColumnHeader>
                <NumberHeader>Changes</NumberHeader>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {rows.map((child) => (
                <tr key={child.caseId} className="nhsuk-table__row">
                  <RowName>
                    <Link href={paths.case(child.caseId)}>{child.name}</Link>
                    {child.joinedOn && <span className="rt-report__quiet">Joined {reportDate(child.joinedOn)}</span>}
                  </RowName>
                  <td className="nhsuk-table__cell">
                    <span className="rt-report-path">
                      {child.pathCut && (
                        <span>
                          …<span className="nhsuk-u-visually-hidden"> earlier ratings, then</span>
                        </span>
                      )}
                      {child.path.map((rating, i) => (
                        // A rating can come round again: its place in the path is its key.
                        // biome-ignore lint/suspicious/noArrayIndexKey: the path only ever grows at its end
                        <Fragment key={i}>
                          {i > 0 && (
                            <span className="rt-report-path__then">
                              <span aria-hidden="true">→</span>
                              <span className="nhsuk-u-visually-hidden"> then </span>
                            </span>
                          )}
                          <RagRatingTag rating={rating} label={levelLabel(levels, rating)} />
                        </Fragment>
                      ))}
                    </span>
                  </td>
                  <NumberCell>{changesText(child.changes)}</NumberCell>
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
        );
      })}
    </>
  );
}
