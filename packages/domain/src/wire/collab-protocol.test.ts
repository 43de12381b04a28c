import { describe, expect, it } from "vitest";
import { closeCodes, stopsReconnecting } from "./collab-protocol.js";

describe("which closes a client stops after", () => {
  it("stops for policy and every final refusal, so the same refused change is not sent again", () => {
    for (const code of [closeCodes.policy, closeCodes.accessRevoked, closeCodes.sessionEnded, closeCodes.documentTooLarge, closeCodes.nestedTooDeep, closeCodes.outsideModel]) {
      expect(stopsReconnecting(code), String(code)).toBe(true);
    }
  });

  it("reconnects after limits a person can get back under, a shutdown or a broken frame", () => {
    for (const code of [
      closeCodes.rateLimited,
      closeCodes.tooManyConnections,
      closeCodes.presenceTooLarge,
      closeCodes.fellBehind,
      closeCodes.serverShutdown,
      closeCodes.malformed,
      1006,
    ]) {
      expect(stopsReconnecting(code), String(code)).toBe(false);
    }
  });
});
