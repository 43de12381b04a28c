/**
 * Where a document's collab connection goes: y-websocket adds "/<documentId>?<params>". The
 * page's early connection (early-collab-script.ts) must open exactly this address for the app
 * to take it over; early-collab.test.ts holds the two together.
 */
import { askForPersisted } from "@roundtable/domain";

export function collabServerUrl(location: Pick<Location, "protocol" | "host">): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}/collab`;
}

/** Ask the server to say when our edits are saved (packages/domain/src/wire/collab-protocol.ts). */
export const collabParams = { [askForPersisted.name]: askForPersisted.value };
