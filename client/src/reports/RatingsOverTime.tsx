/**
 * "How ratings have changed this year": how many children were at each rating at the end of each
 * month (a chart, then the same figures in a table), then each child's year.
 */
import { isRagRating, type ServiceReport } from "@roundtable/domain";
import { RagRatingTag } from "../cases/RagRatingTag";
import { ChildrenYear } from "./ChildrenYear";
import { ragSeriesStyle, type SeriesStyle } from "./chart-styles";
import { ReportChart } from "./ReportChart";
import { ColumnHeader, NumberCell, NumberHeader, RowName, ScrollingTable } from "./ScrollingTable";
import { monthAxisLabel, monthLabel, ratingsChartSummary } from "./service-report-words";

export function RatingsOverTime({ report }: { report: ServiceReport }) {
  const { levels, months, children } = report;
  let added = 0;
  const styles = new Map<string, SeriesStyle>(levels.map((l) => [l.rating, ragSeriesStyle(l.rating, isRagRating(l.rating) ? 0 : added++)]));
  return (
    <section className="rt-report__section" aria-labelledby="ratings-heading">
      <h2 id="ratings-heading">How ratings have changed this year</h2>
      {children.total === 0 ? (
        <p>No child on the register has a RAG rating yet. When children are accepted onto the register, their ratings are counted here.</p>
      ) : (
        <>
          <p>
            How many children were at each RAG rating at the end of each month, and so far this month. A child's rating at the end of a month is the last one they
            were given by then.
          </p>
          <ReportChart
            height={340}
            testId="ratings-chart"
            // Most serious at the top of each bar, as on a child's own chart; the legend reads from the top.
            labels={months.map(monthAxisLabel)}
            series={[...levels].reverse().map((l) => ({ label: l.label, data: months.map((m) => m.ratings[l.rating] ?? 0), style: styles.get(l.rating)! }))}
            legendTopFirst
            valueTitle="Children"
            summary={ratingsChartSummary(levels, months)}
          />
          <ScrollingTable caption="Children at each rating at the end of each month" testId="ratings-table">
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <ColumnHeader>Month</ColumnHeader>
                {levels.map((l) => (
                  <NumberHeader key={l.rating}>
                    <RagRatingTag rating={l.rating} label={l.label} />
                  </NumberHeader>
                ))}
                <NumberHeader>All children</NumberHeader>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {months.map((m) => (
                <tr key={m.first} className="nhsuk-table__row">
                  <RowName>{monthLabel(m)}</RowName>
                  {levels.map((l) => (
                    <NumberCell key={l.rating}>{m.ratings[l.rating] ?? 0}</NumberCell>
                  ))}
                  <NumberCell>{m.children}</NumberCell>
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
          <ChildrenYear levels={levels} years={children} />
        </>
      )}
    </section>
  );
}
