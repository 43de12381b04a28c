import { describe, expect, it } from "vitest";
import { matchRoute, paths } from "../navigation/routes";
import { mayInvite } from "./may-invite";

describe("who sees the invite section", () => {
  const team = [
    { personId: "priya", role: "keyworker" as const },
    { personId: "mark", role: "professional" as const },
    { personId: "claire", role: "parent" as const },
  ];

  it("is the people who run the case, and the service lead", () => {
    expect(mayInvite({ id: "priya", role: "keyworker" }, team)).toBe(true);
    expect(mayInvite({ id: "angela", role: "service-lead" }, team)).toBe(true);
    expect(mayInvite({ id: "mark", role: "professional" }, team)).toBe(false);
    expect(mayInvite({ id: "claire", role: "parent" }, team)).toBe(false);
  });

  it("goes by the role on this case's team", () => {
    // A senior keyworker not on this team cannot open the case at all (the server says 404).
    expect(mayInvite({ id: "tom", role: "senior-keyworker" }, team)).toBe(false);
    expect(mayInvite({ id: "tom", role: "senior-keyworker" }, [...team, { personId: "tom", role: "senior-keyworker" }])).toBe(true);
  });
});

describe("an invitation's address", () => {
  it("round-trips its token", () => {
    const token = "Ab-_9xYz";
    expect(matchRoute(paths.invitation(token))).toEqual({ name: "invitation", token });
  });
});
