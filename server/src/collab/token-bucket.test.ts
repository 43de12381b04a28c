import { describe, expect, it } from "vitest";
import { TokenBucket } from "./token-bucket.js";

describe("TokenBucket", () => {
  it("allows a burst up to its capacity, then refuses until it refills", () => {
    let now = 0;
    const bucket = new TokenBucket(10, 20, () => now);
    for (let i = 0; i < 20; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now += 100; // 0.1 s at 10 a second: one more
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it("sustains exactly its rate and never holds more than its capacity", () => {
    let now = 0;
    const bucket = new TokenBucket(10, 20, () => now);
    now += 60_000;
    let taken = 0;
    while (bucket.take()) taken++;
    expect(taken).toBe(20);
    for (let second = 0; second < 5; second++) {
      now += 1000;
      taken = 0;
      while (bucket.take()) taken++;
      expect(taken).toBe(10);
    }
  });

  it("takes several tokens at once, or none", () => {
    let now = 0;
    const bucket = new TokenBucket(1000, 1500, () => now);
    expect(bucket.take(1000)).toBe(true);
    expect(bucket.take(1000)).toBe(false);
    expect(bucket.take(500)).toBe(true);
    now += 1000;
    expect(bucket.take(1000)).toBe(true);
  });
});
