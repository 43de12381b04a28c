/**
 * Who may do what with meetings, as the server decides it; the screens only use this to offer
 * the right buttons (the server says no to anyone else anyway).
 */
import type { Meeting } from "@roundtable/domain";

export { mayBookMeetings } from "@roundtable/domain";

export function isChair(meeting: Pick<Meeting, "chair">, personId: string): boolean {
  return meeting.chair.id === personId;
}

/** Tracker and professionals meetings are for professionals only: no family invitees. */
export function isProfessionalsOnly(type: Meeting["type"]): boolean {
  return type === "tracker" || type === "professionals";
}
