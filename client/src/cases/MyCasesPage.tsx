/**
 * The home page: every case the signed-in person may see, highest risk first — called what the
 * reader calls it ("Your child", "My plan", "Children you work with", "My cases"; case-words.ts).
 */
import { isFamilyRole, mayUseReferPage } from "@roundtable/domain";
import { listCases } from "../api/api";
import { MyCetrs } from "../cetrs/MyCetrs";
import { useMe } from "../auth/session-context";
import { useResource } from "../api/use-resource";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { Cell, ResponsiveTable } from "../layout/ResponsiveTable";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { byRiskThenName } from "./by-risk-then-name";
import { formatNextMeeting } from "./format-meeting";
import { homeWords } from "./case-words";
import { RagLegend } from "./RagLegend";
import { RagRatingTag } from "./RagRatingTag";

export function MyCasesPage() {
  const cases = useResource(listCases, "cases");
  // Ratings come only to those who may see them (seesRiskRating): the family get none.
  const ratingsShown = cases.status === "loaded" && cases.data.some((c) => c.ragRating !== null);
  const me = useMe();
  const words = homeWords(me.role);
  const headingRef = usePageHeading(words.heading);

  if (cases.status === "failed") return <ProblemPage error={cases.error} retry={cases.retry} />;

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {words.heading}
      </h1>
      <p>
        <Link href={paths.myActions()}>{words.myActionsLink}</Link>
        {mayUseReferPage(me.role) && (
          <>
            {" · "}
            <Link href={paths.refer()}>Refer a child to the register</Link>
          </>
        )}
      </p>
      {!isFamilyRole(me.role) && <MyCetrs />}
      {cases.status === "loading" && <PageLoading label={words.loading} />}
      {cases.status === "loaded" && cases.data.length === 0 && (
        <p>{words.empty}</p>
      )}
      {cases.status === "loaded" && cases.data.length > 0 && (
        <ResponsiveTable
          caption={words.caption}
          headings={ratingsShown ? ["Name", "RAG rating", "Keyworker", "Next meeting"] : ["Name", "Keyworker", "Next meeting"]}
        >
          {[...cases.data].sort(byRiskThenName).map((item) => (
            <tr key={item.id} className="nhsuk-table__row" role="row" data-testid="case-row">
              <Cell heading="Name" rowHeader>
                <Link href={paths.case(item.id)}>{item.name}</Link>
              </Cell>
              {ratingsShown && (
                <Cell heading="RAG rating">
                  <RagRatingTag rating={item.ragRating} />
                </Cell>
              )}
              <Cell heading="Keyworker">{item.keyworker?.name ?? "Not allocated"}</Cell>
              <Cell heading="Next meeting">{formatNextMeeting(item.nextMeetingAt)}</Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
      {ratingsShown && <RagLegend />}
    </>
  );
}
