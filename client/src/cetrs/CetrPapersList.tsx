/**
 * The papers pack: the current care plan, the previous CETR's report and the last three meetings'
 * minutes. The panel sees them only with the family's consent; without it, that they are withheld
 * and why — never the papers.
 */
import { getCetrPapers } from "../api/cetr-api";
import { useResource } from "../api/use-resource";
import { PageLoading } from "../layout/PageLoading";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { cetrWords as words, readableDate } from "./cetr-words";

const kindLabels = { "care-plan": "Care plan", "previous-cetr": "Previous CETR report and its actions", minutes: "Minutes" } as const;

export function CetrPapersList({ cetrId }: { cetrId: string }) {
  const papers = useResource(() => getCetrPapers(cetrId), `cetr-papers:${cetrId}`);
  return (
    <section aria-labelledby="cetr-papers-heading" className="rt-cetr__papers">
      <h2 id="cetr-papers-heading">{words.papersHeading}</h2>
      {papers.status === "loading" && <PageLoading label="Loading the papers…" />}
      {papers.status === "failed" && <p>{papers.error.message}</p>}
      {papers.status === "loaded" &&
        (papers.data.withheld ? (
          <div className="nhsuk-warning-callout" data-testid="papers-withheld">
            <h3 className="nhsuk-warning-callout__label">
              <span className="nhsuk-u-visually-hidden">Important: </span>Papers withheld
            </h3>
            <p>{papers.data.withheld.reason}</p>
          </div>
        ) : papers.data.items.length === 0 ? (
          <p>There are no papers for this child yet.</p>
        ) : (
          <ul className="nhsuk-list nhsuk-list--bullet">
            {papers.data.items.map((p) => (
              <li key={p.documentId}>
                {kindLabels[p.kind]}: <Link href={paths.document(p.documentId)}>{p.title}</Link>
                {p.date && ` (${readableDate(p.date)})`}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
