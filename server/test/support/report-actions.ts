/**
 * An action item written into a document (a CETR report, minutes) by a stock Yjs client, as any
 * editor would, and waited for until the projector tracks it.
 */
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import type { SignedIn } from "./api-client.js";
import { connectCollab, type CollabClient } from "./collab-client.js";
import { waitFor } from "./wait-for.js";

export interface WrittenAction {
  id: string;
  /** The editor's connection: destroy it when the test is done. */
  editor: CollabClient;
}

export async function writeActionItem(baseUrl: string, who: SignedIn, documentId: string, action: { text: string; ownerId: string; dueDate: string }): Promise<WrittenAction> {
  const editor = await connectCollab(baseUrl, documentId, who.cookie);
  const id = randomUUID();
  const el = new Y.XmlElement("actionItem");
  el.setAttribute("id", id);
  el.setAttribute("ownerId", action.ownerId);
  el.setAttribute("dueDate", action.dueDate);
  el.insert(0, [new Y.XmlText(action.text)]);
  editor.doc.getXmlFragment("default").push([el]);
  await waitFor(async () => (await who.get(`/api/actions/${id}`)).status === 200, { what: `tracking of "${action.text}"` });
  return { id, editor };
}
