/** An action typed into a document through the collab endpoint, as any editor would, returned once the projector has tracked it. */
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import type { SignedIn } from "./api-client.js";
import { connectCollab, type CollabClient } from "./collab-client.js";
import { waitFor } from "./wait-for.js";

export interface TypedAction {
  text: string;
  ownerId: string | null;
  dueDate: string;
}

/** Types the action into the document as `who`; the editor is pushed onto `clients` for the test to close. */
export async function typeAction(url: string, who: SignedIn, documentId: string, action: TypedAction, clients: CollabClient[]): Promise<string> {
  const editor = await connectCollab(url, documentId, who.cookie);
  clients.push(editor);
  const id = randomUUID();
  const el = new Y.XmlElement("actionItem");
  el.setAttribute("id", id);
  if (action.ownerId) el.setAttribute("ownerId", action.ownerId);
  el.setAttribute("dueDate", action.dueDate);
  el.insert(0, [new Y.XmlText(action.text)]);
  editor.doc.getXmlFragment("default").push([el]);
  await waitFor(async () => (await who.get(`/api/actions/${id}`)).status === 200, { what: `projection of "${action.text}"` });
  return id;
}
