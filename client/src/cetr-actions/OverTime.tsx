/**
 * "Open and completed over time": the chart (its code fetched only here, after the lists) and
 * the same figures as a table, for screen readers and anyone who would rather read them. If the
 * chart's code cannot be fetched, the table is still there and says so.
 */
import type { OpenVsCompletedPoint } from "@roundtable/domain";
import { Component, lazy, Suspense, type ReactNode } from "react";
import { formatDueDate } from "../actions/action-dates";

const OpenVsCompletedChart = lazy(() => import("./OpenVsCompletedChart"));

class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render(): ReactNode {
    if (this.state.failed) return <p>The chart did not load. The same figures are in the table below.</p>;
    return this.props.children;
  }
}

export function OverTime({ points }: { points: readonly OpenVsCompletedPoint[] }) {
  return (
    <section className="rt-cetr-actions__section" aria-labelledby="over-time-heading">
      <h2 id="over-time-heading">Open and completed over time</h2>
      <p>At the end of each of the last {points.length} weeks: how many CETR actions were still to do, and how many had been done.</p>
      <ChartBoundary>
        <Suspense fallback={<p className="rt-cetr-chart rt-cetr-chart--waiting">Loading the chart…</p>}>
          <OpenVsCompletedChart points={points} />
        </Suspense>
      </ChartBoundary>
      {/* Three narrow columns fit a phone as they are: no stacking. */}
      <table className="nhsuk-table rt-cetr-over-time">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">CETR actions still to do and done, week by week</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">
              Week ending
            </th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
              Still to do
            </th>
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
              Done
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {points.map((p) => (
            <tr key={p.weekEnding} className="nhsuk-table__row">
              <th className="nhsuk-table__header rt-cetr-over-time__week" scope="row">
                {formatDueDate(p.weekEnding)}
              </th>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{p.open}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{p.completed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
