/**
 * "Actions carried over from earlier CETRs", first in a new CETR: each the tracked action itself
 * (its id, owner and history kept), to be confirmed, changed or closed with a reason here.
 */
import type { CetrCarriedAction, CetrCarriedDecisionBody } from "@roundtable/domain";
import { useCallback } from "react";
import { decideCetrCarried, listCetrCarried } from "../api/cetr-api";
import { useLiveResource } from "../api/use-resource";
import { PageLoading } from "../layout/PageLoading";
import { CarriedActionItem, type CarriedDecisionBody, type CarriedItemView } from "../meetings/CarriedActions";
import { paths } from "../navigation/routes";
import { cetrWords as words, readableDate } from "./cetr-words";
import "../meetings/carried-actions.css";

function view(c: CetrCarriedAction): CarriedItemView {
  const when = c.agreedAt.heldOn ? `the CETR on ${readableDate(c.agreedAt.heldOn)}` : `the CETR requested ${readableDate(c.agreedAt.requestedAt)}`;
  return { ...c, agreedAt: { href: paths.cetr(c.agreedAt.cetrId), title: when } };
}

export function CetrCarried({ cetrId, childName }: { cetrId: string; childName: string }) {
  const { resource, change } = useLiveResource(() => listCetrCarried(cetrId), `cetr-carried:${cetrId}`);
  const decide = useCallback(
    async (actionId: string, body: CarriedDecisionBody) => {
      // A CETR closes an action only with a reason: the item asks for one (closeNeedsReason).
      const answer = await decideCetrCarried(cetrId, actionId, body as CetrCarriedDecisionBody);
      change(() => answer);
    },
    [cetrId, change],
  );
  const mayDecide = resource.status === "loaded" && resource.data.some((c) => c.mayDecide);
  return (
    <section className="rt-carried" aria-labelledby="cetr-carried-heading" data-testid="cetr-carried">
      <h2 id="cetr-carried-heading" className="rt-carried__heading">
        {words.carriedHeading}
      </h2>
      {resource.status === "loading" && <PageLoading label="Loading the actions carried over…" />}
      {resource.status === "failed" && <p>{resource.error.message}</p>}
      {resource.status === "loaded" &&
        (resource.data.length === 0 ? (
          <p className="rt-carried__none">{words.carriedNone}</p>
        ) : (
          <>
            <p className="rt-carried__intro">{mayDecide ? words.carriedIntro : words.carriedIntroReading}</p>
            <ul className="rt-carried__list">
              {resource.data.map((c) => (
                <CarriedActionItem
                  key={c.action.id}
                  carried={view(c)}
                  here="This CETR"
                  closeNeedsReason
                  decide={decide}
                  words={{
                    heading: () => `${words.carriedHeading} for ${childName}`,
                    intro: words.carriedIntro,
                    none: () => words.carriedNone,
                    ownerLeft: (name) => `${name} is no longer on the team: give it to someone else.`,
                  }}
                />
              ))}
            </ul>
          </>
        ))}
    </section>
  );
}
