/**
 * How an open document's session ends, and when its copy on this device is cleared. After the server closes the
 * connection, or it keeps failing to connect, the session asks the API whether the person may
 * still open the document; only a clear "no" ends it as access withdrawn, which clears the copy:
 * the server closing with 4403, or Roundtable's API refusing the document (403, 404, in its own
 * words: a proxy's refusal page does not count). An answer the API could not give — its database away (503), the network down — keeps the copy, and the edits in
 * it, and carries on trying (ADR 0010, 0015).
 */
import type { AccessLevel } from "@roundtable/domain";

export type OpenAccess = Exclude<AccessLevel, "none">;

export type CollabEnding =
  | { kind: "access-withdrawn" }
  | { kind: "access-changed"; access: OpenAccess }
  | { kind: "signed-out" }
  /** A change of ours was refused for good (the document is full, or nested too deep). */
  | { kind: "change-refused"; reason: "too-large" | "too-deep" | "outside-model" };

/** What the API says about the person and the document when the connection is refused. */
export type AccessCheck =
  | { kind: "ok"; access: OpenAccess }
  | { kind: "no-access" }
  | { kind: "signed-out" }
  | { kind: "unknown" };

/**
 * What the API's refusal of the document says about access: its HTTP status, and whether
 * Roundtable gave it (its JSON error) or something on the way did.
 */
export function accessCheckOfStatus(status: number, fromRoundtable: boolean): AccessCheck {
  if (status === 401) return { kind: "signed-out" };
  if ((status === 403 || status === 404) && fromRoundtable) return { kind: "no-access" };
  return { kind: "unknown" };
}

/** How the session ends after this answer, or null to carry on (and reconnect). */
export function endingAfterAccessCheck(check: AccessCheck, opened: OpenAccess, serverWithdrewAccess: boolean): CollabEnding | null {
  if (check.kind === "signed-out") return { kind: "signed-out" };
  if (check.kind === "no-access") return { kind: "access-withdrawn" };
  if (check.kind === "ok" && check.access !== opened) return { kind: "access-changed", access: check.access };
  if (serverWithdrewAccess) return { kind: "access-withdrawn" };
  return null;
}

/** Need to know: once access is gone, this device should not keep a copy of the document. */
export function clearsLocalCopy(ending: CollabEnding): boolean {
  return ending.kind === "access-withdrawn";
}
