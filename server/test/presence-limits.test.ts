/**
 * socket.io's per-person limits (issue #10): one person cannot hold more presence connections
 * than PRESENCE_MAX_CONNECTIONS_PER_PERSON (each could be paused to make the server buffer for
 * it), and one connection cannot join and leave rooms faster than
 * PRESENCE_MAX_ROOM_CHANGES_PER_SECOND (each change looks up access and sends the room's list
 * to everyone in it).
 */
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tooManyPagesMessage, tooManyRoomChangesMessage } from "../src/realtime/presence-limits.js";
import { caseNamed, signIn, type SignedIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";

const server = useTestServer({ configure: (config) => { config.presence = { ...config.presence, maxConnectionsPerPerson: 2, maxRoomChangesPerSecond: 5 }; } });
let priya: SignedIn;
let caseRoom: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  priya = await signIn(server.url, "priya.shah");
  const jamie = await caseNamed(priya, "Jamie Walker");
  caseRoom = `case:${jamie.id}`;
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
});

/** A presence socket for this person: connected, or the reason it was refused. */
function connect(who: SignedIn): Promise<{ socket: Socket; refused?: string }> {
  const socket = io(server.url, { extraHeaders: { cookie: who.cookie }, transports: ["websocket"], reconnection: false });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ socket }));
    socket.once("connect_error", (err) => resolve({ socket, refused: err.message }));
  });
}

describe("presence limits", () => {
  it("refuses a person's connection past their limit with the reason, and lets others in", async () => {
    expect((await connect(priya)).refused).toBeUndefined();
    expect((await connect(priya)).refused).toBeUndefined();
    expect((await connect(priya)).refused).toBe(tooManyPagesMessage);
    const tom = await signIn(server.url, "tom.hughes");
    const { socket, refused } = await connect(tom);
    expect(refused).toBeUndefined();
    // Closing one of Priya's frees a place.
    sockets[0]!.disconnect();
    await expect.poll(async () => (await connect(priya)).refused).toBeUndefined();
    socket.disconnect();
  });

  it("answers room changes past the rate limit with the reason, without looking anything up", async () => {
    const tom = await signIn(server.url, "tom.hughes");
    const { socket } = await connect(tom);
    const answers = await Promise.all(Array.from({ length: 40 }, () => socket.emitWithAck("presence:join", { room: caseRoom })));
    const refused = answers.filter((a) => a.ok === false);
    // The burst is twice the rate: ten get through at once, the rest are told why.
    expect(answers.filter((a) => a.ok === true).length).toBeLessThanOrEqual(11);
    expect(refused.length).toBeGreaterThanOrEqual(29);
    expect(refused[0]).toEqual({ ok: false, error: tooManyRoomChangesMessage });
  });
});
