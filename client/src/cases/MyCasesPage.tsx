/** "My cases": every case the signed-in person works on, highest risk first. */
import { listCases } from "../api/api";
import { useResource } from "../api/use-resource";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { Cell, ResponsiveTable } from "../layout/ResponsiveTable";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { byRiskThenName } from "./by-risk-then-name";
import { formatNextMeeting } from "./format-meeting";
import { RagRatingTag } from "./RagRatingTag";

export function MyCasesPage() {
  const cases = useResource(listCases, "cases");
  const headingRef = usePageHeading("My cases");

  if (cases.status === "failed") return <ProblemPage error={cases.error} retry={cases.retry} />;

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        My cases
      </h1>
      <p>
        <Link href={paths.myActions()}>See everything you have agreed to do on your cases (my actions)</Link>
      </p>
      {cases.status === "loading" && <PageLoading label="Loading your cases…" />}
      {cases.status === "loaded" && cases.data.length === 0 && (
        <p>You are not working on any cases yet. When you are added to a case team, it will show here.</p>
      )}
      {cases.status === "loaded" && cases.data.length > 0 && (
        <ResponsiveTable
          caption="Cases you work on, highest risk first"
          headings={["Name", "RAG rating", "Keyworker", "Next meeting"]}
        >
          {[...cases.data].sort(byRiskThenName).map((item) => (
            <tr key={item.id} className="nhsuk-table__row" role="row" data-testid="case-row">
              <Cell heading="Name" rowHeader>
                <Link href={paths.case(item.id)}>{item.name}</Link>
              </Cell>
              <Cell heading="RAG rating">
                <RagRatingTag rating={item.ragRating} />
              </Cell>
              <Cell heading="Keyworker">{item.keyworker?.name ?? "Not allocated"}</Cell>
              <Cell heading="Next meeting">{formatNextMeeting(item.nextMeetingAt)}</Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </>
  );
}
