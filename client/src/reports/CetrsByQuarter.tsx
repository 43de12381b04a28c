/** "CETRs and their actions": the CETRs held each quarter, and how the actions agreed at them stand today. */
import type { ServiceReport } from "@roundtable/domain";
import { ActionFigureCells, ActionFigureHeaders, actionSeries } from "./ActionFigures";
import { ReportChart } from "./ReportChart";
import { ColumnHeader, NumberCell, NumberHeader, RowName, ScrollingTable } from "./ScrollingTable";
import { cetrChartSummary, quarterAxisLabel, quarterLabel } from "./service-report-words";

export function CetrsByQuarter({ quarters }: { quarters: ServiceReport["cetrQuarters"] }) {
  const held = quarters.reduce((sum, q) => sum + q.held, 0);
  return (
    <section className="rt-report__section" aria-labelledby="cetrs-heading">
      <h2 id="cetrs-heading">CETRs and their actions</h2>
      <p>The CETRs held in each of the last four quarters, the actions agreed at them, and how those actions stand today.</p>
      {held === 0 ? (
        <p>No CETRs have been held in the last four quarters.</p>
      ) : (
        <>
          <ReportChart
            height={320}
            testId="cetrs-chart"
            labels={quarters.map((q) => [...quarterAxisLabel(q), `${q.held} held`])}
            series={actionSeries(quarters)}
            legendTopFirst
            valueTitle="Actions agreed at CETRs"
            summary={cetrChartSummary(quarters)}
          />
          <ScrollingTable caption="CETRs held each quarter, and their actions as they stand today" testId="cetrs-table">
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <ColumnHeader>Quarter</ColumnHeader>
                <NumberHeader>CETRs held</NumberHeader>
                <NumberHeader>Actions agreed</NumberHeader>
                <ActionFigureHeaders />
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {quarters.map((q) => (
                <tr key={q.first} className="nhsuk-table__row">
                  <RowName>{quarterLabel(q)}</RowName>
                  <NumberCell>{q.held}</NumberCell>
                  <NumberCell>{q.actions}</NumberCell>
                  <ActionFigureCells figures={q} />
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
        </>
      )}
    </section>
  );
}
