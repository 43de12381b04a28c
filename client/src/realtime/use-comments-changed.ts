/**
 * Calls back when the server says a document's comments changed (one added, replied to,
 * resolved or reopened), so the comments can be read again.
 *
 * The server sends "comments:changed" only to sockets in the "document:<id>" room. A care plan's
 * page is there already for its "Who is here" list, but minutes open on the meeting page, which
 * is in the meeting's room, so this holds the document's room itself.
 */
import { readServerMessage } from "@roundtable/domain";
import { useServerNews } from "./use-server-news";

const readDocumentId = (message: unknown) => readServerMessage("comments:changed", message)?.documentId ?? null;

export function useCommentsChanged(documentId: string, callback: () => void): void {
  useServerNews({ event: "comments:changed", read: readDocumentId, id: documentId, room: `document:${documentId}` }, callback);
}
