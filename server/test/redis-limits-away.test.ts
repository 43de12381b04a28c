/**
 * The limits several processes count together in Redis (ADR 0041) while Redis is away: each
 * process then counts in its own memory, and answers at once rather than waiting for Redis to
 * come back, so signing in neither stalls nor goes unlimited. Redis is reached through a small
 * TCP relay of the test's own, which the test closes to take Redis away and opens again.
 * Run by `pnpm test:redis`; without REDIS_URL the suite says it was skipped, and why.
 */
import { randomUUID } from "node:crypto";
import { createServer, Socket, type Server } from "node:net";
import { Redis } from "ioredis";
import pino from "pino";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisFanout } from "../src/fanout/redis-fanout.js";
import { freePort } from "./support/child-server.js";
import { waitFor } from "./support/wait-for.js";

const redisUrl = process.env.REDIS_URL;
const skipped = redisUrl ? null : "REDIS_URL is not set (run it with pnpm test:redis)";
if (skipped) console.warn(`redis-limits-away.test.ts: skipped, because ${skipped}`);

/** A TCP relay to Redis that can be closed (every connection cut, new ones refused) and opened again on its port. */
function relayTo(target: URL, port: number) {
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  return {
    open: () =>
      new Promise<void>((resolve, reject) => {
        server = createServer((client) => {
          const upstream = new Socket();
          sockets.add(client).add(upstream);
          upstream.connect(Number(target.port || 6379), target.hostname);
          client.pipe(upstream).pipe(client);
          for (const s of [client, upstream]) {
            s.on("error", () => {});
            s.on("close", () => {
              client.destroy();
              upstream.destroy();
              sockets.delete(s);
            });
          }
        });
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => resolve());
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        if (server) server.close(() => resolve());
        else resolve();
        server = null;
      }),
  };
}

/** Whether one attempt is let through, and how long the answer took. */
async function attempt(limiter: RateLimiterAbstract, key: string): Promise<{ allowed: boolean; ms: number }> {
  const started = performance.now();
  const allowed = await limiter.consume(key).then(
    () => true,
    (refusal: unknown) => {
      if (refusal instanceof Error) throw refusal; // a fault, not a refusal
      return false;
    },
  );
  return { allowed, ms: performance.now() - started };
}

describe.skipIf(skipped !== null)(`limits counted in Redis, while Redis is away${skipped ? ` — skipped: ${skipped}` : ""}`, () => {
  const prefix = `roundtable-test-${randomUUID()}:`;
  let relay: ReturnType<typeof relayTo>;
  let fanout: RedisFanout;
  let direct: Redis;

  beforeAll(async () => {
    const port = await freePort();
    relay = relayTo(new URL(redisUrl!), port);
    await relay.open();
    fanout = await RedisFanout.connect({ url: `redis://127.0.0.1:${port}`, prefix, maxMessageBytes: 1_000_000 }, pino({ level: "silent" }));
    direct = new Redis(redisUrl!);
  });
  afterAll(async () => {
    await relay?.open().catch(() => {}); // so the fan-out can close cleanly
    await fanout?.close();
    await relay?.close();
    direct?.disconnect();
  });

  it("counts in this process's memory meanwhile, answering at once, and in Redis again once it is back", async () => {
    const limiter = fanout.limiter({ keyPrefix: "sign-in-test", points: 3, duration: 60 });
    const key = "priya.shah@roundtable.demo";
    expect((await attempt(limiter, key)).allowed).toBe(true);
    expect((await attempt(limiter, key)).allowed).toBe(true);
    // Counted in Redis, where the other processes see it.
    const stored = await direct.keys(`${prefix}limit:sign-in-test*`);
    expect(stored.length).toBe(1);
    expect(Number(await direct.get(stored[0]!))).toBe(2);

    await relay.close();
    // Away once an attempt is answered without reaching Redis (each probe a key of its own).
    // The first may have been sent just as the connection dropped: it waits for its answer no
    // longer than the publishing connection's command timeout (1 s), not for ioredis to give up.
    const awayProbes: number[] = [];
    await waitFor(
      async () => {
        const probe = `away-${awayProbes.length}`;
        awayProbes.push((await attempt(limiter, probe)).ms);
        return (await direct.exists(`${prefix}limit:sign-in-test:${probe}`)) === 0;
      },
      { timeoutMs: 10_000, intervalMs: 50, what: "the limiter to stop reaching Redis" },
    );
    expect(Math.max(...awayProbes)).toBeLessThan(2000);
    // Away: this process's own count starts afresh, and still stops the fourth attempt.
    const away = [];
    for (let i = 0; i < 4; i++) away.push(await attempt(limiter, key));
    expect(away.map((a) => a.allowed)).toEqual([true, true, true, false]);
    for (const a of away) expect(a.ms).toBeLessThan(500); // no waiting for Redis
    expect(Number(await direct.get(stored[0]!))).toBe(2); // nothing reached Redis meanwhile

    await relay.open();
    // Back once an attempt is counted in Redis again (each probe a key of its own).
    let probes = 0;
    await waitFor(
      async () => {
        const probe = `back-${probes++}`;
        await attempt(limiter, probe);
        return (await direct.exists(`${prefix}limit:sign-in-test:${probe}`)) === 1;
      },
      { timeoutMs: 15_000, intervalMs: 100, what: "the limiter to reach Redis again" },
    );
    // Counted in Redis from where it was: its third attempt allowed, its fourth refused.
    expect((await attempt(limiter, key)).allowed).toBe(true);
    expect(Number(await direct.get(stored[0]!))).toBe(3);
    expect((await attempt(limiter, key)).allowed).toBe(false);
  });
});
