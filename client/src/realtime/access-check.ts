/**
 * When the collab server turns us away, the reason is not in the websocket (a refused upgrade
 * looks like any failed connection). Asking the API for the document tells us: signed out,
 * no access any more, access changed, or just a network problem.
 */
import { ApiRequestError, getDocument } from "../api/api";
import { accessCheckOfStatus, type AccessCheck } from "./access-ending";

export async function checkDocumentAccess(documentId: string): Promise<AccessCheck> {
  try {
    const document = await getDocument(documentId);
    return document.access === "none" ? { kind: "no-access" } : { kind: "ok", access: document.access };
  } catch (error) {
    return error instanceof ApiRequestError ? accessCheckOfStatus(error.status, error.fromRoundtable) : { kind: "unknown" };
  }
}
