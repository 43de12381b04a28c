/** The case's invitations, newest first: who, as what, where each stands, and "Withdraw" for those still waiting. */
import { invitationStatusLabels, roleLabels, type Invitation, type InvitationStatus } from "@roundtable/domain";
import { useState } from "react";
import { ApiRequestError, withdrawInvitation } from "../api/api";
import { useSession } from "../auth/session-context";
import { Cell, ResponsiveTable } from "../layout/ResponsiveTable";
import { formatUkDate } from "../layout/uk-time";

const tagClass: Record<InvitationStatus, string> = {
  pending: "nhsuk-tag--blue",
  accepted: "nhsuk-tag--green",
  expired: "nhsuk-tag--grey",
  withdrawn: "nhsuk-tag--grey",
};

function statusDetail(invitation: Invitation): string {
  switch (invitation.status) {
    case "pending":
      return `Link works until ${formatUkDate(invitation.expiresAt)}`;
    case "accepted":
      return invitation.acceptedAt ? `Joined on ${formatUkDate(invitation.acceptedAt)}` : "Joined";
    case "expired":
      return `Link ended on ${formatUkDate(invitation.expiresAt)}`;
    case "withdrawn":
      return invitation.withdrawnAt ? `Withdrawn on ${formatUkDate(invitation.withdrawnAt)}` : "Withdrawn";
  }
}

interface InvitationsTableProps {
  caseId: string;
  invitations: readonly Invitation[];
  onChanged(invitation: Invitation): void;
}

export function InvitationsTable({ caseId, invitations, onChanged }: InvitationsTableProps) {
  const { sessionEnded } = useSession();
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState("");

  if (invitations.length === 0) return <p>No one has been invited to this case&apos;s team yet.</p>;

  const withdraw = async (invitation: Invitation) => {
    if (withdrawing) return;
    setWithdrawing(invitation.id);
    setProblem(null);
    setDone("");
    try {
      onChanged(await withdrawInvitation(caseId, invitation.id));
      setDone(`The invitation to ${invitation.email} has been withdrawn. Its link no longer works.`);
    } catch (error) {
      if (error instanceof ApiRequestError && error.isSessionEnded) return sessionEnded();
      setProblem(error instanceof ApiRequestError ? error.message : "Something went wrong. Try again.");
    } finally {
      setWithdrawing(null);
    }
  };

  return (
    <>
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {problem}
        </p>
      )}
      <ResponsiveTable caption="Invitations, newest first" hideCaption className="rt-invitations" headings={["Invited", "Role", "Status"]}>
        {invitations.map((invitation) => (
          <tr key={invitation.id} className="nhsuk-table__row" role="row" data-testid="invitation-row" data-status={invitation.status}>
            {/* One element per cell: on phones NHS.UK lays a cell out as its heading beside its content. */}
            <Cell heading="Invited" rowHeader>
              <div className="rt-invitation__cell">
                {invitation.name ?? invitation.email}
                {invitation.name && <span className="rt-invitation__detail">{invitation.email}</span>}
                <span className="rt-invitation__detail">
                  By {invitation.invitedBy.name}, {formatUkDate(invitation.createdAt)}
                </span>
              </div>
            </Cell>
            <Cell heading="Role">
              <div className="rt-invitation__cell">
                {roleLabels[invitation.role]}
                {invitation.agency && <span className="rt-invitation__detail">{invitation.agency.name}</span>}
              </div>
            </Cell>
            <Cell heading="Status">
              <div className="rt-invitation__cell">
                <strong className={`nhsuk-tag ${tagClass[invitation.status]}`}>{invitationStatusLabels[invitation.status]}</strong>
                <span className="rt-invitation__detail">{statusDetail(invitation)}</span>
                {invitation.status === "pending" && (
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-invitation__withdraw"
                    aria-disabled={withdrawing !== null || undefined}
                    onClick={() => withdraw(invitation)}
                  >
                    {withdrawing === invitation.id ? "Withdrawing…" : "Withdraw"}
                    <span className="nhsuk-u-visually-hidden"> the invitation to {invitation.email}</span>
                  </button>
                )}
              </div>
            </Cell>
          </tr>
        ))}
      </ResponsiveTable>
      <p className="nhsuk-u-visually-hidden" role="status">
        {done}
      </p>
    </>
  );
}
