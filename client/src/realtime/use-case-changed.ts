/**
 * Calls back when the server says something a professional sees of a case changed (its RAG
 * rating), so the case page can read it again.
 *
 * The server sends "case:changed" only to sockets in the "case:<id>" presence room whose person
 * sees the rating: the case page's "Here now" list keeps the page in that room.
 */
import { readServerMessage } from "@roundtable/domain";
import { useServerNews } from "./use-server-news";

const readCaseId = (message: unknown) => readServerMessage("case:changed", message)?.caseId ?? null;

export function useCaseChanged(caseId: string, callback: () => void): void {
  useServerNews({ event: "case:changed", read: readCaseId, id: caseId }, callback);
}
