/**
 * The name and colour on a person's caret come from the server's session, not from what their
 * client writes into its presence: a parent cannot label their caret with a clinician's name.
 * Stock y-websocket clients on both sides.
 */
import { presenceColour } from "@roundtable/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, type CollabClient } from "./support/collab-client.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer();
let claire: SignedIn;
let priya: SignedIn;
let documentId: string;
const clients: CollabClient[] = [];

beforeAll(async () => {
  [claire, priya] = await Promise.all([signIn(server.url, "claire.walker"), signIn(server.url, "priya.shah")]);
  documentId = (await carePlanOf(priya, "Jamie Walker")).documentId;
});

afterAll(async () => {
  for (const c of clients) c.destroy();
});

async function open(who: SignedIn): Promise<CollabClient> {
  const c = await connectCollab(server.url, documentId, who.cookie);
  clients.push(c);
  return c;
}

describe("who a caret belongs to", () => {
  it("labels a parent's caret with her own name and colour, whatever name her client sets", async () => {
    const keyworker = await open(priya);
    const parent = await open(claire);
    const cursor = { anchor: 3, head: 5 };
    parent.provider.awareness.setLocalState({ user: { name: "Priya Shah", color: presenceColour(priya.personId) }, cursor });
    const seen = await waitFor(() => keyworker.provider.awareness.getStates().get(parent.doc.clientID), { what: "the parent's presence" });
    expect(seen).toEqual({ user: { name: "Claire Walker", color: presenceColour(claire.personId) }, cursor });
    // Someone who joins later is told the same.
    const later = await open(priya);
    const told = await waitFor(() => later.provider.awareness.getStates().get(parent.doc.clientID), { what: "the parent's presence, later" });
    expect(told).toEqual(seen);
  });

  it("labels a caret whose client sets no name at all", async () => {
    const keyworker = await open(claire);
    const tool = await open(priya);
    tool.provider.awareness.setLocalState({ cursor: null });
    const seen = await waitFor(() => keyworker.provider.awareness.getStates().get(tool.doc.clientID), { what: "the tool's presence" });
    expect(seen).toEqual({ user: { name: "Priya Shah", color: presenceColour(priya.personId) }, cursor: null });
  });
});
