/**
 * A CETR: what was asked and why, when it is and who chairs it, its panel, the papers, the actions
 * carried over from earlier CETRs, and the report written together live; its PDF, and once it is
 * held, booking a follow-up meeting to go through its actions. The ICB lead arranges
 * it here; the chair marks it held and agrees the report. What each reader may do is the
 * server's answer (`may`), from packages/domain cetr-access.ts.
 */
import { cetrSettingLabels, cetrStatusLabels, mayBookMeetings, type CetrDetail } from "@roundtable/domain";
import { useState, type ReactNode } from "react";
import { useMe } from "../auth/session-context";
import { cetrPdfAddress, getCetrPage } from "../api/cetr-api";
import { useLiveResource } from "../api/use-resource";
import { Breadcrumbs, homeCrumb } from "../layout/Breadcrumbs";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { ArrangeCetr, CetrControls } from "./CetrControls";
import { CetrCarried } from "./CetrCarried";
import { CetrPanel } from "./CetrPanel";
import { CetrPapersList } from "./CetrPapersList";
import { CetrReport } from "./CetrReport";
import { cetrWords as words, readableDate } from "./cetr-words";
import "./cetr.css";

export default function CetrPage({ cetrId }: { cetrId: string }) {
  const me = useMe();
  const { resource, change } = useLiveResource(() => getCetrPage(cetrId), `cetr:${cetrId}`);
  const cetr = resource.status === "loaded" ? resource.data : null;
  const title = cetr ? `CETR for ${cetr.caseName}` : "CETR";
  const headingRef = usePageHeading(title);
  const [announce, setAnnounce] = useState("");
  const replace = (next: CetrDetail, said: string) => {
    change(() => next);
    setAnnounce(said);
  };

  if (resource.status === "failed") return <ProblemPage error={resource.error} retry={resource.retry} />;
  const family = me.role === "parent" || me.role === "young-person";

  return (
    <div className="rt-cetr" data-testid="cetr-page">
      <Breadcrumbs trail={cetr ? [homeCrumb, { href: paths.case(cetr.caseId), label: cetr.caseName }] : [homeCrumb]} />
      <span className="nhsuk-caption-l">Care, Education and Treatment Review</span>
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {!cetr && <PageLoading label="Opening the CETR…" />}
      <p className="nhsuk-u-visually-hidden" role="status">
        {announce}
      </p>
      {cetr && (
        <>
          <p className="rt-cetr__status" data-testid="cetr-status">
            <strong className={`nhsuk-tag rt-cetr__tag rt-cetr__tag--${cetr.status}`}>{words.status(cetr.status)}</strong> {cetrStatusLabels[cetr.status].split(" — ")[1] ?? ""}
          </p>
          <dl className="nhsuk-summary-list rt-cetr__facts">
            <Fact label="Date">{cetr.heldOn ? readableDate(cetr.heldOn) : "Not arranged yet"}</Fact>
            <Fact label="Setting">{cetrSettingLabels[cetr.setting]}</Fact>
            <Fact label="Chair">{cetr.chair?.name ?? "Not chosen yet"}</Fact>
            {!family && (
              <Fact label="Requested">
                {readableDate(cetr.requestedAt)}
                {cetr.requestedBy && ` by ${cetr.requestedBy.name}`}
              </Fact>
            )}
            {!family && cetr.reason && <Fact label="Why now">{cetr.reason}</Fact>}
            {cetr.reportDueOn && cetr.status === "held" && <Fact label="Report to be agreed by">{readableDate(cetr.reportDueOn)}</Fact>}
            {cetr.agreedAt && <Fact label="Report agreed">{readableDate(cetr.agreedAt)}</Fact>}
          </dl>
          <div className="rt-cetr__links">
            <a href={cetrPdfAddress(cetr.id)} download data-testid="cetr-pdf">
              {words.pdfLink}
              <span className="nhsuk-u-visually-hidden">{cetr.status === "agreed" ? words.pdfAgreed : words.pdfDraft}</span>
            </a>
            {mayBookMeetings(me.role) && (cetr.status === "held" || cetr.status === "agreed") && (
              <Link href={paths.newMeeting(cetr.caseId, cetr.id)} data-testid="book-cetr-follow-up">
                {words.bookFollowUp}
              </Link>
            )}
          </div>
          {cetr.may.arrange && <ArrangeCetr cetr={cetr} onChanged={replace} />}
          <CetrControls cetr={cetr} onChanged={replace} />
          {!family && <CetrPanel cetr={cetr} onChanged={replace} />}
          {!family && <CetrPapersList cetrId={cetr.id} />}
          {cetr.easyReadDocumentId && (
            <p className="rt-cetr__summary-link">
              <Link href={paths.document(cetr.easyReadDocumentId)}>{words.summaryLink}</Link>
            </p>
          )}
          <CetrReport
            cetrId={cetr.id}
            documentId={cetr.documentId}
            label={title}
            side={null}
            above={
              <>
                <CetrCarried cetrId={cetr.id} childName={cetr.caseName} />
                <h2 id="cetr-report-heading">{words.reportHeading}</h2>
              </>
            }
          />
        </>
      )}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

