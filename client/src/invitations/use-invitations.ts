/**
 * A case's invitations for the invite section: loaded once, then kept up to date with what
 * this screen sends and withdraws (newest first, as the server lists them).
 */
import type { Invitation } from "@roundtable/domain";
import { useCallback } from "react";
import { listInvitations } from "../api/api";
import { useLiveResource, type Resource } from "../api/use-resource";

export type InvitationList = Resource<Invitation[]>;

export function useInvitations(caseId: string): { list: InvitationList; upsert(invitation: Invitation): void } {
  const { resource, change } = useLiveResource(() => listInvitations(caseId), `invitations:${caseId}`);

  /** Put a new or changed invitation in the list. */
  const upsert = useCallback(
    (invitation: Invitation) =>
      change((invitations) => {
        if (invitations === null) return null;
        if (!invitations.some((i) => i.id === invitation.id)) return [invitation, ...invitations];
        return invitations.map((i) => (i.id === invitation.id ? invitation : i));
      }),
    [change],
  );

  return { list: resource, upsert };
}
