import { describe, expect, it } from "vitest";
import { accessCheckOfStatus, clearsLocalCopy, endingAfterAccessCheck } from "./access-ending";

/** Whether a session opened for editing clears this device's copy after this close and this answer from the API. */
function clears(serverWithdrewAccess: boolean, apiStatus: number | "ok", fromRoundtable = true): boolean {
  const check = apiStatus === "ok" ? ({ kind: "ok", access: "edit" } as const) : accessCheckOfStatus(apiStatus, fromRoundtable);
  const ending = endingAfterAccessCheck(check, "edit", serverWithdrewAccess);
  return ending !== null && clearsLocalCopy(ending);
}

describe("when this device's copy of a document is cleared", () => {
  it("keeps the copy when the API could not check (the database away, the server failing, the network down)", () => {
    for (const status of [0, 500, 502, 503, 504]) expect({ status, clears: clears(false, status) }).toEqual({ status, clears: false });
  });

  it("keeps the copy after any close but 4403 while the person may still open the document", () => {
    expect(clears(false, "ok")).toBe(false);
    expect(endingAfterAccessCheck({ kind: "ok", access: "edit" }, "edit", false)).toBeNull();
  });

  it("clears the copy when the server withdrew access (4403), or the API refuses the document", () => {
    expect(clears(true, "ok")).toBe(true);
    expect(clears(true, 503)).toBe(true);
    expect(clears(false, 403)).toBe(true);
    expect(clears(false, 404)).toBe(true);
  });

  it("keeps the copy when the refusal came from something on the way (a proxy's 403 or 404 page), not Roundtable", () => {
    expect(clears(false, 403, false)).toBe(false);
    expect(clears(false, 404, false)).toBe(false);
    expect(clears(true, 404, false)).toBe(true); // the server's own 4403 still counts
  });

  it("keeps the copy when what the person may do changed, or they were signed out", () => {
    expect(endingAfterAccessCheck({ kind: "ok", access: "read" }, "edit", true)).toEqual({ kind: "access-changed", access: "read" });
    expect(clears(false, 401)).toBe(false);
    expect(clears(true, 401)).toBe(false);
  });
});
