/**
 * How a set of actions stands, as the report shows it for each agency and each quarter's CETRs:
 * the chart's three series (done, still to do and not overdue, overdue: they add up to the
 * bar) and the table's columns, in the same order.
 */
import type { ActionFigures } from "@roundtable/domain";
import type { BarSeries } from "./ReportBarChart";
import { actionStyles } from "./chart-styles";
import { NumberCell, NumberHeader } from "./ScrollingTable";

type Standing = Pick<ActionFigures, "done" | "stillToDo" | "overdue" | "closed">;

export function actionSeries(rows: readonly Standing[]): BarSeries[] {
  return [
    { label: "Done", data: rows.map((r) => r.done), style: actionStyles.done },
    { label: "Still to do, not overdue", data: rows.map((r) => r.stillToDo - r.overdue), style: actionStyles.stillToDo },
    { label: "Overdue", data: rows.map((r) => r.overdue), style: actionStyles.overdue },
  ];
}

export function ActionFigureHeaders() {
  return (
    <>
      <NumberHeader>Done</NumberHeader>
      <NumberHeader>Still to do, not overdue</NumberHeader>
      <NumberHeader>Overdue</NumberHeader>
      <NumberHeader>Closed without being done</NumberHeader>
    </>
  );
}

export function ActionFigureCells({ figures }: { figures: Standing }) {
  return (
    <>
      <NumberCell>{figures.done}</NumberCell>
      <NumberCell>{figures.stillToDo - figures.overdue}</NumberCell>
      <NumberCell>{figures.overdue}</NumberCell>
      <NumberCell>{figures.closed}</NumberCell>
    </>
  );
}
