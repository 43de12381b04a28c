/**
 * "Service report": the service lead's figures for the board and for supervision, over the last
 * twelve months — how ratings have changed (for the service and child by child), caseloads,
 * actions by agency, and CETRs with their actions. Each chart has the same figures in a table
 * after it. Only for the service lead (mayReadServiceReport): the app shows everyone else
 * NotForYouPage and asks the server nothing. Its code, and Chart.js after it, load only when opened.
 */
import type { ServiceReport } from "@roundtable/domain";
import { getServiceReport } from "../api/register-api";
import { useResource } from "../api/use-resource";
import { PageLoading } from "../layout/PageLoading";
import { usePageHeading } from "../navigation/use-page-heading";
import { ActionsByAgency } from "./ActionsByAgency";
import { Caseloads } from "./Caseloads";
import { CetrsByQuarter } from "./CetrsByQuarter";
import { RatingsOverTime } from "./RatingsOverTime";
import { reportDate } from "./service-report-words";
import "./service-report.css";

const heading = "Service report";

export default function ServiceReportPage() {
  const headingRef = usePageHeading(heading);
  const resource = useResource(getServiceReport, "service-report");
  return (
    <div className="rt-report">
      <h1 ref={headingRef} tabIndex={-1}>
        {heading}
      </h1>
      {resource.status === "loading" && <PageLoading label="Loading the service report…" />}
      {resource.status === "failed" && (
        <>
          <p>{resource.error.message}</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={resource.retry}>
            Try loading the report again
          </button>
        </>
      )}
      {resource.status === "loaded" && <Report report={resource.data} />}
    </div>
  );
}

const sections = [
  { id: "ratings-heading", text: "How ratings have changed this year" },
  { id: "caseloads-heading", text: "Caseloads" },
  { id: "agencies-heading", text: "Actions by agency" },
  { id: "cetrs-heading", text: "CETRs and their actions" },
] as const;

function Report({ report }: { report: ServiceReport }) {
  return (
    <>
      <p className="nhsuk-lede-text">
        {report.serviceName} over the last 12 months, for the board and for supervision. Figures as they stood on {reportDate(report.today)}.
      </p>
      <nav className="nhsuk-contents-list rt-report__contents" aria-label="Parts of the report">
        <ol className="nhsuk-contents-list__list">
          {sections.map((s) => (
            <li key={s.id} className="nhsuk-contents-list__item">
              <a className="nhsuk-contents-list__link" href={`#${s.id}`}>
                {s.text}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <RatingsOverTime report={report} />
      <Caseloads caseloads={report.caseloads} />
      <ActionsByAgency actions={report.actionsByAgency} />
      <CetrsByQuarter quarters={report.cetrQuarters} />
    </>
  );
}
