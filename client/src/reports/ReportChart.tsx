/**
 * One of the report's charts, its code (and Chart.js) fetched only when the report is shown and
 * after the tables are on screen. If that code cannot be fetched, the table below it is still
 * there, and this says so.
 */
import { Component, lazy, Suspense, type ReactNode } from "react";
import type { ReportBarChartProps } from "./ReportBarChart";

const ReportBarChart = lazy(() => import("./ReportBarChart"));

class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render(): ReactNode {
    if (this.state.failed) return <p>The chart did not load. Its figures are in the table below.</p>;
    return this.props.children;
  }
}

/** `height` in pixels: Chart.js fills the box it is given. */
export function ReportChart({ height, ...chart }: ReportBarChartProps & { height: number }) {
  return (
    <div className="rt-report-chart" style={{ height }}>
      <ChartBoundary>
        <Suspense fallback={<p className="rt-report-chart__waiting">Loading the chart…</p>}>
          <ReportBarChart {...chart} />
        </Suspense>
      </ChartBoundary>
    </div>
  );
}
