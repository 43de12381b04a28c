/**
 * Calls back when the server says a meeting changed (started, ended, someone's attendance, the
 * agenda item, a new contribution), so the page can read it again.
 *
 * The server sends "meeting:changed" only to sockets in the "meeting:<id>" presence room: the
 * meeting page's "Who is here" list keeps the page in that room.
 */
import { readServerMessage } from "@roundtable/domain";
import { useServerNews } from "./use-server-news";

const readMeetingId = (message: unknown) => readServerMessage("meeting:changed", message)?.meetingId ?? null;

export function useMeetingChanged(meetingId: string, callback: () => void): void {
  useServerNews({ event: "meeting:changed", read: readMeetingId, id: meetingId }, callback);
}
