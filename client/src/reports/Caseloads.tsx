/** "Caseloads": the children each keyworker is keyworker or second keyworker for, against the service's limit. */
import type { ServiceReport } from "@roundtable/domain";
import { caseloadStyles } from "./chart-styles";
import { ReportChart } from "./ReportChart";
import { ColumnHeader, NumberCell, NumberHeader, RowName, ScrollingTable } from "./ScrollingTable";
import { caseloadChartSummary, caseloadText, wrapLabel } from "./service-report-words";

export function Caseloads({ caseloads }: { caseloads: ServiceReport["caseloads"] }) {
  const { limit, keyworkers } = caseloads;
  const over = keyworkers.filter((k) => k.children > limit).length;
  return (
    <section className="rt-report__section" aria-labelledby="caseloads-heading">
      <h2 id="caseloads-heading">Caseloads</h2>
      {keyworkers.length === 0 ? (
        <p>The service has no keyworkers yet.</p>
      ) : (
        <>
          <p>
            The children each keyworker is keyworker or second keyworker for, against the service's caseload limit of {limit} children.{" "}
            {over === 0 ? "Nobody is over the limit." : `${over} ${over === 1 ? "keyworker is" : "keyworkers are"} over it.`}
          </p>
          <ReportChart
            height={110 + keyworkers.length * 44}
            testId="caseloads-chart"
            horizontal
            labels={keyworkers.map((k) => wrapLabel(k.name))}
            series={[
              { label: "Keyworker for", data: keyworkers.map((k) => k.keyworkerFor), style: caseloadStyles.keyworker },
              { label: "Second keyworker for", data: keyworkers.map((k) => k.secondKeyworkerFor), style: caseloadStyles.second },
            ]}
            limit={{ value: limit, label: `Limit: ${limit}` }}
            valueTitle="Children"
            summary={caseloadChartSummary(keyworkers, limit)}
          />
          <ScrollingTable caption="Each keyworker's caseload" testId="caseloads-table">
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <ColumnHeader>Keyworker</ColumnHeader>
                <NumberHeader>Keyworker for</NumberHeader>
                <NumberHeader>Second keyworker for</NumberHeader>
                <NumberHeader>Children</NumberHeader>
                <ColumnHeader>Against the limit of {limit}</ColumnHeader>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {keyworkers.map((k) => (
                <tr key={k.id} className="nhsuk-table__row">
                  <RowName>{k.name}</RowName>
                  <NumberCell>{k.keyworkerFor}</NumberCell>
                  <NumberCell>{k.secondKeyworkerFor}</NumberCell>
                  <NumberCell>{k.children}</NumberCell>
                  <td className={`nhsuk-table__cell${k.children > limit ? " rt-report__over" : ""}`}>{caseloadText(k.children, limit)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
        </>
      )}
    </section>
  );
}
