/**
 * A person's shared byte bucket survives them closing everything and reconnecting (else a
 * script could burst, reconnect and burst again), and is forgotten once it would be full anyway.
 */
import { describe, expect, it } from "vitest";
import { defaultCollabConfig } from "../config.js";
import { PersonLimits } from "./person-limits.js";

const config = { ...defaultCollabConfig, maxBytesPerPersonPerSecond: 1000, personByteBurst: 4000, maxMessageBytes: 100, maxConnectionsPerPerson: 2 };

describe("PersonLimits", () => {
  it("does not give a full byte bucket back to someone who closes and reconnects", () => {
    let now = 0;
    const limits = new PersonLimits(config, () => now);
    const first = limits.connect("priya")!;
    expect(first.take(4000)).toBe(true);
    limits.disconnect("priya");
    now += 100; // 0.1 s at 1000 a second: 100 bytes back, not 4000
    const again = limits.connect("priya")!;
    expect(again.take(101)).toBe(false);
    expect(again.take(100)).toBe(true);
  });

  it("forgets people who have had nothing open for as long as their bucket takes to refill", () => {
    let now = 0;
    const limits = new PersonLimits(config, () => now);
    for (const id of ["a", "b", "c"]) limits.connect(id)!.take(4000);
    limits.disconnect("a");
    now += 1000;
    limits.disconnect("b");
    limits.disconnect("c");
    expect(limits.rememberedPeople).toBe(3);
    now += 3000; // a's bucket (4 s to refill) is full; b's and c's are not yet
    limits.connect("d");
    expect(limits.rememberedPeople).toBe(3); // b, c, d
    now += 1000;
    limits.disconnect("d");
    expect(limits.rememberedPeople).toBe(1); // d, idle just now
  });

  it("says whether someone has room for another connection", () => {
    const limits = new PersonLimits(config);
    limits.connect("priya");
    expect(limits.hasRoomFor("priya")).toBe(true);
    limits.connect("priya");
    expect(limits.hasRoomFor("priya")).toBe(false);
    expect(limits.hasRoomFor("tom")).toBe(true);
  });
});
