/**
 * One meeting, kept current: read again (without a loading flash) when the server says it
 * changed, and replaced straight away by what the server answers after a change made here.
 */
import type { Meeting } from "@roundtable/domain";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiRequestError, getMeeting } from "../api/api";
import { useSession } from "../auth/session-context";
import { useMeetingChanged } from "../realtime/use-meeting-changed";

export type MeetingState =
  | { status: "loading" }
  | { status: "failed"; error: ApiRequestError; retry: () => void }
  | { status: "loaded"; meeting: Meeting };

export function useMeeting(meetingId: string): { state: MeetingState; replace(meeting: Meeting): void } {
  const { sessionEnded } = useSession();
  const [state, setState] = useState<{ meetingId: string; value: MeetingState } | null>(null);
  const latestRequest = useRef(0);

  const load = useCallback(() => {
    const request = ++latestRequest.current;
    getMeeting(meetingId).then(
      (meeting) => {
        if (request === latestRequest.current) setState({ meetingId, value: { status: "loaded", meeting } });
      },
      (error: unknown) => {
        if (request !== latestRequest.current) return;
        const failure = error instanceof ApiRequestError ? error : new ApiRequestError(0, "Something went wrong. Try again.");
        if (failure.isSessionEnded) return sessionEnded();
        // A refresh that fails keeps what is on screen, unless access has gone.
        setState((current) =>
          current?.meetingId === meetingId && current.value.status === "loaded" && failure.status !== 403 && failure.status !== 404
            ? current
            : { meetingId, value: { status: "failed", error: failure, retry: load } },
        );
      },
    );
  }, [meetingId, sessionEnded]);

  useEffect(load, [load]);
  useMeetingChanged(meetingId, load);

  const replace = useCallback(
    (meeting: Meeting) => {
      latestRequest.current++; // an older read must not bring back what was there before
      setState({ meetingId, value: { status: "loaded", meeting } });
    },
    [meetingId],
  );

  return { state: state?.meetingId === meetingId ? state.value : { status: "loading" }, replace };
}
