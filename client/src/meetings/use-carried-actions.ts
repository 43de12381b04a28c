/**
 * A meeting's "Actions from the last meeting" (ADR 0027), kept current: read again when the
 * server says the meeting changed, and one child's list replaced by the server's answer after a
 * decision made here.
 */
import type { CarriedActionDecisionBody, CarriedActionsSection } from "@roundtable/domain";
import { useCallback } from "react";
import { decideCarriedAction, listCarriedActions } from "../api/api";
import { useLiveResource, type Resource } from "../api/use-resource";
import { useMeetingChanged } from "../realtime/use-meeting-changed";

export interface CarriedActions {
  state: Resource<CarriedActionsSection[]>;
  decide(actionId: string, body: CarriedActionDecisionBody): Promise<void>;
}

export function useCarriedActions(meetingId: string): CarriedActions {
  const { resource, refresh, change } = useLiveResource(() => listCarriedActions(meetingId), `carried-actions:${meetingId}`, {
    retry: "as-refresh",
    keepAfterFailure: (error) => error.status !== 403 && error.status !== 404,
  });
  useMeetingChanged(meetingId, refresh);
  const decide = useCallback(
    async (actionId: string, body: CarriedActionDecisionBody) => {
      const answer = await decideCarriedAction(meetingId, actionId, body);
      change((current) => (current ? current.map((section) => answer.find((s) => s.documentId === section.documentId) ?? section) : null));
    },
    [meetingId, change],
  );
  return { state: resource, decide };
}
