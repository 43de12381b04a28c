/**
 * The people an action in a tracker meeting's minutes can be given to, when the minutes are
 * opened on their own: the meeting says which cases it reviews, and their teams are offered.
 */
import type { ReactNode } from "react";
import { getMeeting } from "../api/api";
import { useResource } from "../api/use-resource";
import { CaseTeamProvider } from "../actions/CaseTeamProvider";

export function MeetingTeamProvider({ meetingId, children }: { meetingId: string; children: ReactNode }) {
  const meeting = useResource(() => getMeeting(meetingId), `meeting:${meetingId}`);
  const caseIds = meeting.status === "loaded" ? meeting.data.cases.map((c) => c.id) : [];
  const professionalsOnly = meeting.status === "loaded" && meeting.data.visibility === "professionals";
  return (
    <CaseTeamProvider caseIds={caseIds} professionalsOnly={professionalsOnly}>
      {children}
    </CaseTeamProvider>
  );
}
