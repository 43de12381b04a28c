/**
 * Backpressure on socket.io: a client that stops reading is disconnected once more than
 * PRESENCE_MAX_BUFFERED_BYTES waits for it, while a client that reads the same stream stays.
 * The clients speak engine.io by hand over raw TCP, so one of them can stop reading.
 */
import type { LiveNotification } from "@roundtable/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, type SignedIn } from "./support/api-client.js";
import { openRawWebSocket, type RawWebSocket } from "./support/paused-socket.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const limit = 256 * 1024;
const server = useTestServer({ configure: (config) => { config.presence = { ...config.presence, maxBufferedBytes: limit }; } });
let claire: SignedIn;
let priya: SignedIn;
const sockets: RawWebSocket[] = [];

beforeAll(async () => {
  [claire, priya] = await Promise.all([signIn(server.url, "claire.walker"), signIn(server.url, "priya.shah")]);
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
});

/** A socket.io client over a raw websocket: engine.io's open packet, then socket.io's connect. */
async function presenceSocket(who: SignedIn): Promise<RawWebSocket> {
  const s = await openRawWebSocket(server.port, "/socket.io/?EIO=4&transport=websocket", who.cookie);
  sockets.push(s);
  await waitFor(() => s.received().includes('0{"sid"'), { what: "engine.io's open packet" });
  s.sendText("40");
  await waitFor(() => s.received().includes('40{"sid"'), { what: "socket.io's connect" });
  return s;
}

async function connectedPeople(): Promise<Set<string>> {
  return new Set((await server.presence.io.fetchSockets()).map((s) => s.data.person.id));
}

describe("socket.io backpressure", () => {
  it("disconnects a client that stops reading once too much waits for it, and keeps one that reads", async () => {
    const paused = await presenceSocket(claire);
    await presenceSocket(priya);
    expect(await connectedPeople()).toEqual(new Set([claire.personId, priya.personId]));
    paused.pause();
    // News for both, a little at a time, as a busy server sends it: 64 KB every 5 ms.
    const news: LiveNotification = { id: "news", kind: "news", title: "News", body: "x".repeat(64 * 1024), link: null };
    const stream = setInterval(() => {
      for (const who of [claire, priya]) server.presence.io.to(`person:${who.personId}`).emit("notification", news);
    }, 5);
    try {
      await waitFor(async () => !(await connectedPeople()).has(claire.personId), { what: "the paused client to be disconnected", timeoutMs: 20_000, intervalMs: 50 });
    } finally {
      clearInterval(stream);
    }
    expect(await connectedPeople()).toEqual(new Set([priya.personId]));
  }, 30_000);
});
