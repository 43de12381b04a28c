/**
 * One meeting, kept current: read again (without a loading flash) when the server says it
 * changed, and replaced straight away by what the server answers after a change made here.
 */
import type { Meeting } from "@roundtable/domain";
import { useCallback } from "react";
import { getMeeting } from "../api/api";
import { useLiveResource, type Resource } from "../api/use-resource";
import { useMeetingChanged } from "../realtime/use-meeting-changed";

export type MeetingState = Resource<Meeting>;

export function useMeeting(meetingId: string): { state: MeetingState; replace(meeting: Meeting): void } {
  const { resource, refresh, change } = useLiveResource(() => getMeeting(meetingId), `meeting:${meetingId}`, {
    retry: "as-refresh",
    // A refresh that fails keeps what is on screen, unless access has gone.
    keepAfterFailure: (error) => error.status !== 403 && error.status !== 404,
  });
  useMeetingChanged(meetingId, refresh);
  const replace = useCallback((meeting: Meeting) => change(() => meeting), [change]);
  return { state: resource, replace };
}
