/**
 * The people invited to a place on the CETR's panel who have not accepted yet, and for the ICB
 * lead a "Withdraw invitation" beside each: a mistyped address holds one of the panel's places
 * until it is withdrawn. Withdrawing asks first, as removing someone from a team does.
 */
import { panelPlaceLabels, type CetrDetail, type PanelInvitation } from "@roundtable/domain";
import { useState } from "react";
import { ApiRequestError } from "../api/api";
import { withdrawPanelInvitation } from "../api/cetr-api";
import { useSession } from "../auth/session-context";
import { SecondThought } from "../layout/SecondThought";
import { formatUkDate } from "../layout/uk-time";
import { focusAfterRender } from "../layout/focus-after-render";

interface PanelInvitationsProps {
  cetr: CetrDetail;
  onChanged(next: CetrDetail, said: string): void;
}

const withdrawButtonId = (invitationId: string) => `withdraw-panel-invitation-${invitationId}`;
const invitedName = (invitation: PanelInvitation) => invitation.name ?? invitation.email;

export function PanelInvitations({ cetr, onChanged }: PanelInvitationsProps) {
  const { sessionEnded } = useSession();
  const [asking, setAsking] = useState<PanelInvitation | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (cetr.panelInvitations.length === 0 && !problem) return null;

  const withdraw = async (invitation: PanelInvitation) => {
    if (busy) return;
    setBusy(true);
    try {
      const next = await withdrawPanelInvitation(cetr.id, invitation.id);
      setAsking(null);
      onChanged(next, `The invitation to ${invitedName(invitation)} has been withdrawn. Its link no longer works, and its place on the panel is free.`);
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.isSessionEnded) return sessionEnded();
      setAsking(null);
      setProblem(failure instanceof ApiRequestError ? failure.message : "The invitation could not be withdrawn. Try again.");
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    const id = asking?.id;
    setAsking(null);
    if (id) focusAfterRender(withdrawButtonId(id));
  };

  return (
    <>
      <h3 id="cetr-panel-invited-heading">Invited, not yet accepted</h3>
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {problem}
        </p>
      )}
      {asking && (
        <SecondThought
          key={asking.id}
          testId="withdraw-panel-invitation-question"
          level={4}
          question={`Withdraw the invitation to ${invitedName(asking)}?`}
          yes="Yes, withdraw the invitation"
          working="Withdrawing…"
          busy={busy}
          onYes={() => void withdraw(asking)}
          onCancel={cancel}
        >
          <p>
            The link sent to {asking.email} will stop working, and the place as {panelPlaceLabels[asking.place].toLowerCase()} will be free for someone else. You can
            invite them again later.
          </p>
        </SecondThought>
      )}
      <ul className="nhsuk-list" aria-labelledby="cetr-panel-invited-heading" data-testid="panel-invitations">
        {cetr.panelInvitations.map((i) => (
          <li key={i.id} className="rt-cetr__invited">
            <span>
              <strong>{invitedName(i)}</strong>
              {i.name && ` (${i.email})`}, {panelPlaceLabels[i.place].toLowerCase()}. The link works until {formatUkDate(i.expiresAt)}.
            </span>
            {cetr.may.arrange && (
              <button
                type="button"
                id={withdrawButtonId(i.id)}
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                aria-disabled={busy || undefined}
                onClick={() => {
                  if (busy) return;
                  setProblem(null);
                  setAsking(i);
                }}
              >
                Withdraw invitation<span className="nhsuk-u-visually-hidden"> to {invitedName(i)}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
