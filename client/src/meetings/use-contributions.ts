/**
 * What people have sent before the meeting: comments, and written contributions from those who
 * cannot come. Read again when the meeting changes (the server says so when one arrives).
 */
import type { MeetingContribution } from "@roundtable/domain";
import { useCallback } from "react";
import { addContribution, listContributions } from "../api/api";
import { useLiveResource, useReadFailure, type Resource } from "../api/use-resource";
import { useMeetingChanged } from "../realtime/use-meeting-changed";

export type ContributionList = Resource<MeetingContribution[]>;

export function useContributions(meetingId: string): {
  list: ContributionList;
  /** Send one; resolves once it is saved, rejects with the server's reason when not. */
  send(text: string, caseId?: string): Promise<void>;
} {
  const readFailure = useReadFailure();
  const { resource, refresh, change } = useLiveResource(() => listContributions(meetingId), `contributions:${meetingId}`, {
    retry: "as-refresh",
  });
  useMeetingChanged(meetingId, refresh);

  const send = useCallback(
    async (text: string, caseId?: string) => {
      try {
        const saved = await addContribution(meetingId, caseId ? { text, caseId } : { text });
        change((contributions) => (contributions && !contributions.some((c) => c.id === saved.id) ? [...contributions, saved] : null));
        refresh();
      } catch (error) {
        throw readFailure(error);
      }
    },
    [meetingId, change, refresh, readFailure],
  );

  return { list: resource, send };
}
