/**
 * The meeting page's minutes in easy read (ADR 0023): each part this person may open (a tracker
 * meeting's general business, then each child's section), with the attendance beside them as usual.
 */
import type { Meeting } from "@roundtable/domain";
import type { ReactNode } from "react";
import { EasyReadView } from "./EasyReadView";

export function EasyReadMinutes({ meeting, side }: { meeting: Meeting; side: ReactNode }) {
  const nameOf = (caseId: string) => meeting.cases.find((c) => c.id === caseId)?.name ?? "A child";
  const several = meeting.caseMinutes.length > 0;
  const parts = [
    ...(meeting.minutesDocumentId ? [{ documentId: meeting.minutesDocumentId, part: several ? "Agenda and other business" : undefined }] : []),
    ...meeting.caseMinutes.map((m) => ({ documentId: m.documentId, part: nameOf(m.caseId) })),
  ];
  return (
    <div className="rt-workspace">
      <aside className="rt-workspace__side">{side}</aside>
      <div className="rt-workspace__main">
        {parts.length === 0 ? (
          <p>There are no minutes you can see for this meeting.</p>
        ) : (
          <EasyReadView heading={meeting.status === "minutes-agreed" ? "The agreed minutes in easy read" : "The minutes so far, in easy read"} parts={parts} />
        )}
      </div>
    </div>
  );
}
