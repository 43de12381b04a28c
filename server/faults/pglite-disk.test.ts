/**
 * Fault scenario: embedded PGlite on a small disk. A full disk once wedged PGlite for good: one
 * WAL write failed, PGlite never answered again, health hung, "Saved" stopped, a restart on the
 * full disk failed and acknowledged edits were lost. Here the disk is a tmpfs mounted for the
 * test (see support/small-disk.ts), stock y-websocket clients type into it until it fills, and
 * the scenarios check that nothing acknowledged is lost, that health answers within a second
 * throughout, that the server never hangs or exits, and that it restarts.
 *
 * An edit counts as acknowledged once the server sent it to another client (the observer here)
 * or confirmed it saved to its author.
 */
import { randomBytes } from "node:crypto";
import { databaseFaultOf, DatabaseUnavailableError, openDatabase, schema } from "@roundtable/db";
import { messagePersisted, messageSaving, savingStates } from "@roundtable/collab";
import { sql } from "drizzle-orm";
import * as decoding from "lib0/decoding";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { carePlanOf, demoEmail, demoPassword, signIn } from "../test/support/api-client.js";
import { freePort, startChildServer, type ChildServer } from "../test/support/child-server.js";
import { connectCollab, typeInto, type CollabClient } from "../test/support/collab-client.js";
import { waitFor } from "../test/support/wait-for.js";
import { mountSmallDisk, type SmallDisk } from "./support/small-disk.js";

const MiB = 1024 * 1024;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function smallDisk(sizeMiB: number): SmallDisk {
  const disk = mountSmallDisk(sizeMiB);
  cleanups.push(() => disk.remove());
  if (!disk.tmpfs) console.warn(`No small disk for this scenario (${disk.whyNot}); using ${disk.dir} on the machine's disk instead.`);
  return disk;
}

/** Asks /api/health every 200 ms and keeps how long each answer took and what it said. */
function watchHealth(url: string) {
  const answers: { ms: number; status: number; database: string | undefined }[] = [];
  const failures: string[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      try {
        const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) });
        const body = (await res.json()) as { database?: string };
        answers.push({ ms: performance.now() - started, status: res.status, database: body.database });
      } catch (err) {
        failures.push(String(err));
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    answers,
    failures,
    latest: () => answers.at(-1),
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

/** A typist: a stock provider that asks to be told what is saved, typing unique, incompressible lines. */
async function typist(url: string, documentId: string, cookie: string, name: string) {
  const client = await connectCollab(url, documentId, cookie, { persisted: "1" });
  cleanups.push(() => client.destroy());
  let saved = 0;
  client.provider.messageHandlers[messagePersisted] = (_encoder, decoder) => {
    saved = Math.max(saved, Y.decodeStateVector(decoding.readVarUint8Array(decoder)).get(client.doc.clientID) ?? 0);
  };
  /** What the server said about saving, in order ("Not saving" under the editor, and back). */
  const told: ("saving" | "not saving")[] = [];
  client.provider.messageHandlers[messageSaving] = (_encoder, decoder) => {
    told.push(decoding.readVarUint(decoder) === savingStates.saving ? "saving" : "not saving");
  };
  const lines: string[] = [];
  let timer: NodeJS.Timeout | null = null;
  return {
    client,
    lines,
    told,
    start(everyMs: number) {
      timer = setInterval(() => {
        const line = `${name}-${lines.length}-${randomBytes(700).toString("base64")}`;
        lines.push(line);
        typeInto(client.doc, line);
      }, everyMs);
    },
    stop() {
      if (timer) clearInterval(timer);
    },
    /** Everything this typist typed has been confirmed saved. */
    allSaved: () => saved >= (Y.decodeStateVector(Y.encodeStateVector(client.doc)).get(client.doc.clientID) ?? 0),
  };
}

const lineIdsIn = (text: string) => new Set(text.match(/typist[ab]-\d+-/g) ?? []);
const lineId = (line: string) => line.slice(0, line.indexOf("-", line.indexOf("-") + 1) + 1);

describe("embedded PGlite on a small disk", () => {
  it("stops saving at the free-space reserve, keeps every acknowledged edit, answers health within a second, and restarts", async () => {
    const disk = smallDisk(224);
    const dataDir = `${disk.dir}/data`;
    const port = await freePort();

    // First start: create and seed the database, to see how much room it leaves.
    let child: ChildServer = await startChildServer({ dataDir }, port);
    await child.kill("SIGTERM");
    // On the tmpfs the default reserve (64 MiB) guards a disk that something else has nearly
    // filled; elsewhere a reserve just below the free space stands in for it.
    const headroom = 6 * MiB;
    let reserve: number;
    let filler: string;
    if (disk.tmpfs) {
      reserve = 64 * MiB;
      filler = disk.fill("other-files", disk.freeBytes() - reserve - headroom);
    } else {
      filler = disk.fill("other-files", 48 * MiB);
      reserve = disk.freeBytes() - headroom;
    }
    const env = { PGLITE_MIN_FREE_BYTES: String(reserve) };
    child = await startChildServer({ dataDir }, port, env);
    cleanups.push(() => child.kill("SIGKILL"));
    const exited: (number | null)[] = [];
    child.process.once("exit", (code) => exited.push(code));

    const priya = await signIn(child.url, "priya.shah");
    const { documentId } = await carePlanOf(priya, "Jamie Walker");
    const observer: CollabClient = await connectCollab(child.url, documentId, priya.cookie);
    cleanups.push(() => observer.destroy());
    const a = await typist(child.url, documentId, priya.cookie, "typista");
    const b = await typist(child.url, documentId, priya.cookie, "typistb");
    const health = watchHealth(child.url);
    cleanups.push(() => health.stop());
    let lowestFree = disk.freeBytes();
    const sampler = setInterval(() => (lowestFree = Math.min(lowestFree, disk.freeBytes())), 50);
    cleanups.push(() => clearInterval(sampler));

    // Type until the server says its disk is nearly full.
    a.start(25);
    b.start(25);
    await waitFor(() => health.latest()?.database === "disk-nearly-full", { timeoutMs: 300_000, intervalMs: 100, what: "health to say the disk is nearly full" });
    expect(health.latest()?.status).toBe(503);
    console.info(`pglite-disk: the disk was nearly full after ${a.lines.length + b.lines.length} edits`);

    // Keep typing into the full disk: edits still reach the other client, and are kept.
    const typedWhenFull = a.lines.length + b.lines.length;
    await waitFor(() => a.lines.length + b.lines.length > typedWhenFull + 200, { timeoutMs: 60_000, what: "typing while nothing is saved" });
    // A REST write is refused with words for people (signing in writes a session).
    const login = await fetch(`${child.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: demoEmail("claire.walker"), password: demoPassword }),
    });
    expect(login.status).toBe(503);
    expect(((await login.json()) as { error: string }).error).toMatch(/disk is nearly full, so changes are not being saved/);
    // And the people typing were told their changes are not being saved.
    await waitFor(() => [a, b].every((t) => t.told.includes("not saving")), { timeoutMs: 30_000, what: "the typists to be told nothing is being saved" });

    // Free the space: saving resumes and catches up, while typing goes on.
    disk.free(filler);
    await waitFor(() => health.latest()?.status === 200, { timeoutMs: 60_000, intervalMs: 100, what: "health to say the database is saving again" });
    const typedWhenFreed = a.lines.length + b.lines.length;
    await waitFor(() => a.lines.length + b.lines.length > typedWhenFreed + 40, { timeoutMs: 60_000, what: "typing after space was freed" });
    a.stop();
    b.stop();
    await waitFor(() => a.allSaved() && b.allSaved(), { timeoutMs: 120_000, intervalMs: 100, what: "everything typed to be confirmed saved" });
    await waitFor(() => [a, b].every((t) => t.told.at(-1) === "saving"), { timeoutMs: 30_000, what: "the typists to be told saving works again" });
    await health.stop();
    clearInterval(sampler);
    const typed = [...a.lines, ...b.lines].map(lineId);
    const observerHasAll = () => {
      const seen = lineIdsIn(observer.text());
      return typed.every((id) => seen.has(id));
    };
    await waitFor(observerHasAll, { timeoutMs: 30_000, intervalMs: 500, what: "the observer to have every edit" });
    const acknowledged = [...lineIdsIn(observer.text())];

    // The server never hung or exited, health answered within a second every time, and the
    // reserve kept PGlite off a full disk (the WAL may take one more segment past it).
    expect(exited).toEqual([]);
    expect(health.failures).toEqual([]);
    expect(Math.max(...health.answers.map((h) => h.ms))).toBeLessThan(1000);
    expect(lowestFree).toBeGreaterThan(reserve - 20 * MiB);

    // Restart, and load the document fresh with nobody else connected: every acknowledged edit is there.
    a.client.destroy();
    b.client.destroy();
    observer.destroy();
    await child.kill("SIGTERM");
    child = await startChildServer({ dataDir }, port, env);
    const reader = await signIn(child.url, "priya.shah");
    const fresh = await connectCollab(child.url, documentId, reader.cookie, {}, 60_000); // megabytes of typing to load
    cleanups.push(() => fresh.destroy());
    const stored = lineIdsIn(fresh.text());
    const missing = acknowledged.filter((id) => !stored.has(id));
    console.info(`pglite-disk: ${acknowledged.length} acknowledged edits, ${missing.length} missing; lowest free ${lowestFree} bytes (reserve ${reserve}); slowest health answer ${Math.round(Math.max(...health.answers.map((h) => h.ms)))} ms`);
    expect(missing).toEqual([]);
    expect(acknowledged.length).toBe(typed.length);
  });

  it("reopens PGlite after a WAL write failed on a full disk, rather than hanging, with every committed row", async (context) => {
    const disk = smallDisk(96);
    if (!disk.tmpfs) return context.skip(`this scenario fills the disk to the last byte, which needs a small disk (${disk.whyNot})`);
    // The reserve off, as if the disk filled between two looks: PGlite itself meets the full disk.
    const database = await openDatabase({ dataDir: `${disk.dir}/data`, pglite: { minFreeBytes: 0, requestTimeoutMs: 20_000 } });
    cleanups.push(() => database.close());
    const { db } = database;
    // Leave less room than a new 16 MB WAL segment needs, but more than the rows need while the
    // current segment fills: the next segment switch fails, as in the report.
    const [position] = ((await db.execute(sql`select ((pg_current_wal_lsn() - '0/0'::pg_lsn) % ${16 * MiB})::bigint as used`)) as { rows: { used: string }[] }).rows;
    const leftInSegment = 16 * MiB - Number(position!.used);
    const filler = disk.fill("other-files", disk.freeBytes() - leftInSegment - 3 * MiB);

    let committed = 0;
    let failure: unknown = null;
    while (!failure) {
      await db
        .insert(schema.services)
        .values({ name: `Service ${committed}`, area: randomBytes(1200).toString("base64") })
        .then(
          () => committed++,
          (err: unknown) => (failure = err),
        );
    }
    const fault = databaseFaultOf(failure);
    expect(fault).toBeInstanceOf(DatabaseUnavailableError);
    const said = String((fault?.cause as Error | undefined)?.message ?? fault?.message);
    console.info(`pglite-disk: the disk filled after ${committed} rows: ${said}`);
    expect(said).toMatch(/pg_wal/); // the WAL segment switch, not a table, met the full disk
    expect(database.state().status).toBe("not-answering");
    // Reads fail at once too, rather than waiting on a database that is not there.
    expect(databaseFaultOf(await db.select().from(schema.services).catch((e: unknown) => e))).toBeInstanceOf(DatabaseUnavailableError);

    // Free the space: PGlite is reopened on the same data, and every committed row is there.
    disk.free(filler);
    await waitFor(() => database.state().status === "ok", { timeoutMs: 300_000, intervalMs: 200, what: "the database to be reopened" });
    const [count] = ((await db.execute(sql`select count(*)::int as n from services`)) as { rows: { n: number }[] }).rows;
    expect(count!.n).toBe(committed);
    await db.insert(schema.services).values({ name: "After the disk was freed", area: "Roomyshire" });
  });
});
