/**
 * A case's invitations for the invite section: loaded once, then kept up to date with what
 * this screen sends and withdraws (newest first, as the server lists them).
 */
import type { Invitation } from "@roundtable/domain";
import { useCallback, useEffect, useState } from "react";
import { ApiRequestError, listInvitations } from "../api/api";
import { useSession } from "../auth/session-context";

export type InvitationList =
  | { status: "loading" }
  | { status: "failed"; error: ApiRequestError }
  | { status: "loaded"; invitations: Invitation[] };

export function useInvitations(caseId: string) {
  const { sessionEnded } = useSession();
  const [list, setList] = useState<InvitationList>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger, read by nothing inside
  useEffect(() => {
    let cancelled = false;
    listInvitations(caseId).then(
      (invitations) => {
        if (!cancelled) setList({ status: "loaded", invitations });
      },
      (error: unknown) => {
        if (cancelled) return;
        const failure = error instanceof ApiRequestError ? error : new ApiRequestError(0, "Something went wrong. Try again.");
        if (failure.isSessionEnded) return sessionEnded();
        setList({ status: "failed", error: failure });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [caseId, attempt, sessionEnded]);

  const retry = useCallback(() => {
    setList({ status: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  /** Put a new or changed invitation in the list. */
  const upsert = useCallback((invitation: Invitation) => {
    setList((current) => {
      if (current.status !== "loaded") return current;
      const others = current.invitations.filter((i) => i.id !== invitation.id);
      const changed = current.invitations.some((i) => i.id === invitation.id);
      return {
        status: "loaded",
        invitations: changed ? current.invitations.map((i) => (i.id === invitation.id ? invitation : i)) : [invitation, ...others],
      };
    });
  }, []);

  return { list, retry, upsert };
}
