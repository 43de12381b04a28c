import { describe, expect, it } from "vitest";
import { clientToServerPayloads, readServerMessage } from "./socket-events.js";

const person = { personId: "p1", name: "Priya Shah", role: "keyworker", colour: "#005eb8" };

describe("reading what the server sends", () => {
  it("reads who is in a room, and refuses a list with someone malformed in it", () => {
    expect(readServerMessage("presence", { room: "case:1", people: [person] })).toEqual({ room: "case:1", people: [person] });
    expect(readServerMessage("presence", { room: "case:1", people: [{ ...person, name: 7 }] })).toBeNull();
    expect(readServerMessage("presence", { room: "case:1" })).toBeNull();
    expect(readServerMessage("presence", null)).toBeNull();
  });

  it("reads which actions changed, and nothing that is not a list of ids", () => {
    expect(readServerMessage("actions:changed", { caseId: "c1", actionIds: ["a1", "a2"] })).toEqual({ caseId: "c1", actionIds: ["a1", "a2"] });
    expect(readServerMessage("actions:changed", { caseId: "c1", actionIds: ["a1", 2] })).toBeNull();
    expect(readServerMessage("actions:changed", { caseId: "c1", actionIds: "a1" })).toBeNull();
    expect(readServerMessage("actions:changed", "actions")).toBeNull();
  });

  it("reads which meeting or document changed", () => {
    expect(readServerMessage("meeting:changed", { meetingId: "m1" })).toEqual({ meetingId: "m1" });
    expect(readServerMessage("meeting:changed", { meetingId: 1 })).toBeNull();
    expect(readServerMessage("comments:changed", { documentId: "d1" })).toEqual({ documentId: "d1" });
    expect(readServerMessage("comments:changed", {})).toBeNull();
  });

  it("reads which room access was withdrawn from", () => {
    expect(readServerMessage("access:revoked", { room: "document:d1" })).toEqual({ room: "document:d1" });
    expect(readServerMessage("access:revoked", { room: null })).toBeNull();
  });

  it("reads a notification, with or without a link, and keeps only its known fields", () => {
    const notification = { id: "n1", kind: "action-overdue", title: "Overdue: call school", body: "It was due yesterday.", link: "/documents/d1" };
    expect(readServerMessage("notification", { ...notification, personId: "p1" })).toEqual(notification);
    expect(readServerMessage("notification", { ...notification, link: null })).toEqual({ ...notification, link: null });
    expect(readServerMessage("notification", { ...notification, link: undefined })).toBeNull();
    expect(readServerMessage("notification", { ...notification, title: undefined })).toBeNull();
  });
});

describe("reading what a client sends", () => {
  it("lets a client name only a case, document or meeting room", () => {
    const join = clientToServerPayloads["presence:join"];
    const id = "0b6a4f7e-2c1d-4e5f-8a9b-0c1d2e3f4a5b";
    for (const room of [`case:${id}`, `document:${id}`, `meeting:${id}`]) expect(join.safeParse({ room }).success).toBe(true);
    for (const room of [`person:${id}`, "case:not-an-id", `case:${id}x`]) expect(join.safeParse({ room }).success).toBe(false);
    expect(join.safeParse("case").success).toBe(false);
  });
});
