/**
 * What people have sent before the meeting: comments, and written contributions from those who
 * cannot come. Read again when the meeting changes (the server says so when one arrives).
 */
import type { MeetingContribution } from "@roundtable/domain";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiRequestError, addContribution, listContributions } from "../api/api";
import { useSession } from "../auth/session-context";
import { useMeetingChanged } from "../realtime/use-meeting-changed";

export type ContributionList =
  | { status: "loading" }
  | { status: "failed"; error: ApiRequestError; retry: () => void }
  | { status: "loaded"; contributions: MeetingContribution[] };

function asApiError(error: unknown): ApiRequestError {
  return error instanceof ApiRequestError ? error : new ApiRequestError(0, "Something went wrong. Try again.");
}

export function useContributions(meetingId: string): {
  list: ContributionList;
  /** Send one; resolves once it is saved, rejects with the server's reason when not. */
  send(text: string, caseId?: string): Promise<void>;
} {
  const { sessionEnded } = useSession();
  const [list, setList] = useState<ContributionList>({ status: "loading" });
  const latestRequest = useRef(0);

  const load = useCallback(() => {
    const request = ++latestRequest.current;
    listContributions(meetingId).then(
      (contributions) => {
        if (request === latestRequest.current) setList({ status: "loaded", contributions });
      },
      (error: unknown) => {
        if (request !== latestRequest.current) return;
        const failure = asApiError(error);
        if (failure.isSessionEnded) return sessionEnded();
        setList((current) => (current.status === "loaded" ? current : { status: "failed", error: failure, retry: load }));
      },
    );
  }, [meetingId, sessionEnded]);

  useEffect(load, [load]);
  useMeetingChanged(meetingId, load);

  const send = useCallback(
    async (text: string, caseId?: string) => {
      try {
        const saved = await addContribution(meetingId, caseId ? { text, caseId } : { text });
        latestRequest.current++;
        setList((current) =>
          current.status === "loaded" && !current.contributions.some((c) => c.id === saved.id)
            ? { status: "loaded", contributions: [...current.contributions, saved] }
            : current,
        );
        load();
      } catch (error) {
        const failure = asApiError(error);
        if (failure.isSessionEnded) sessionEnded();
        throw failure;
      }
    },
    [meetingId, load, sessionEnded],
  );

  return { list, send };
}
