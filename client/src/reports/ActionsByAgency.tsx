/** "Actions by agency": the actions agreed with each agency this year, as they stand today. */
import type { ServiceReport } from "@roundtable/domain";
import { ActionFigureCells, ActionFigureHeaders, actionSeries } from "./ActionFigures";
import { ReportChart } from "./ReportChart";
import { ColumnHeader, NumberCell, NumberHeader, RowName, ScrollingTable } from "./ScrollingTable";
import { agencyChartSummary, reportDate, wrapLabel } from "./service-report-words";

export function ActionsByAgency({ actions }: { actions: ServiceReport["actionsByAgency"] }) {
  const { since, agencies } = actions;
  return (
    <section className="rt-report__section" aria-labelledby="agencies-heading">
      <h2 id="agencies-heading">Actions by agency</h2>
      <p>
        The actions agreed with each agency since {reportDate(since)}, in care plans, meetings and CETRs, and how they stand today. An action is with the agency
        named on it, or else the agency its owner works for.
      </p>
      {agencies.length === 0 ? (
        <p>No actions have been agreed since {reportDate(since)}.</p>
      ) : (
        <>
          <ReportChart
            height={110 + agencies.length * 48}
            testId="agencies-chart"
            horizontal
            labels={agencies.map((a) => wrapLabel(a.name))}
            series={actionSeries(agencies)}
            valueTitle="Actions"
            summary={agencyChartSummary(agencies, since)}
          />
          <ScrollingTable caption={`Actions agreed since ${reportDate(since)}, by agency, as they stand today`} testId="agencies-table">
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <ColumnHeader>Agency</ColumnHeader>
                <NumberHeader>Agreed</NumberHeader>
                <ActionFigureHeaders />
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {agencies.map((a) => (
                <tr key={a.id ?? "none"} className="nhsuk-table__row">
                  <RowName>{a.name}</RowName>
                  <NumberCell>{a.agreed}</NumberCell>
                  <ActionFigureCells figures={a} />
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
        </>
      )}
    </section>
  );
}
