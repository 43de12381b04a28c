import { schema } from "@roundtable/db";
import { actionNodeName, eachNode, type EasyReadSnapshot, type ReadingPreference } from "@roundtable/domain";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";

const server = useTestServer();
let priya: SignedIn;

beforeAll(async () => {
  priya = await signIn(server.url, "priya.shah");
});

async function agreedMinutesId(): Promise<string> {
  const [meeting] = await server.database.db
    .select({ minutes: schema.meetings.minutesDocumentId })
    .from(schema.meetings)
    .where(eq(schema.meetings.status, "minutes-agreed"))
    .limit(1);
  return meeting!.minutes!;
}

describe("the easy-read choice", () => {
  it("is off until chosen, then follows the person to another sign-in", async () => {
    const claire = await signIn(server.url, "claire.walker");
    expect((await claire.get<ReadingPreference>("/api/easy-read/preference")).body).toEqual({ easyRead: false });
    expect((await claire.put<ReadingPreference>("/api/easy-read/preference", { easyRead: true })).body).toEqual({ easyRead: true });
    const elsewhere = await signIn(server.url, "claire.walker");
    expect((await elsewhere.get<ReadingPreference>("/api/easy-read/preference")).body).toEqual({ easyRead: true });
    // Only her own: Priya's is untouched.
    expect((await priya.get<ReadingPreference>("/api/easy-read/preference")).body).toEqual({ easyRead: false });
  });

  it("refuses anything but on or off", async () => {
    const bad = await priya.put<{ error: string }>("/api/easy-read/preference", { easyRead: "yes" });
    expect(bad.status).toBe(400);
    expect((await priya.put("/api/easy-read/preference", { easyRead: true, personId: "someone-else" })).status).toBe(400);
  });
});

describe("a document in easy read", () => {
  it("gives the agreed minutes as agreed, with the names of the actions' owners", async () => {
    const snapshot = await priya.get<EasyReadSnapshot>(`/api/easy-read/documents/${await agreedMinutesId()}`);
    expect(snapshot.status).toBe(200);
    const actions = [...eachNode(snapshot.body.content)].filter((n) => n.type === actionNodeName);
    expect(actions.length).toBeGreaterThan(0);
    const ownerId = actions[0]!.attrs!.ownerId as string;
    expect(snapshot.body.names[ownerId]).toBe("Dr Ben Carter");
  });

  it("is refused, as for the document itself, to someone who may not open it", async () => {
    const claire = await signIn(server.url, "claire.walker");
    expect((await claire.get(`/api/easy-read/documents/${await agreedMinutesId()}`)).status).toBe(404);
    const plan = await carePlanOf(claire, "Jamie Walker");
    const own = await claire.get<EasyReadSnapshot>(`/api/easy-read/documents/${plan.documentId}`);
    expect(own.status).toBe(200);
    expect(own.body.title).toBeTruthy();
    expect((await claire.get("/api/easy-read/documents/not-an-id")).status).toBe(400);
  });
});
