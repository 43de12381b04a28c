// temporary probe: main-thread event-loop delay while writing update-log-like batches every 2 ms
import { monitorEventLoopDelay } from "node:perf_hooks";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "./src/database.js";
import * as schema from "./src/schema.js";
const dataDir = mkdtempSync(path.join(tmpdir(), "loopprobe-"));
const database = await openDatabase({ dataDir });
const { db } = database;
const [s] = await db.insert(schema.services).values({ name: "s", area: "a" }).returning();
const [c] = await db.insert(schema.cases).values({ serviceId: s!.id, name: "c", ragRating: "amber" }).returning();
const [d] = await db.insert(schema.documents).values({ caseId: c!.id, kind: "k", title: "t", visibility: "family" }).returning();
const h = monitorEventLoopDelay({ resolution: 1 });
h.enable();
const end = Date.now() + 5000;
let batches = 0;
while (Date.now() < end) {
  await db.insert(schema.documentUpdates).values(Array.from({ length: 50 }, () => ({ documentId: d!.id, update: new Uint8Array(30) })));
  batches++;
  await new Promise((r) => setTimeout(r, 2));
}
h.disable();
console.log(JSON.stringify({ batches, loopDelayMs: { p50: h.percentile(50) / 1e6, p99: h.percentile(99) / 1e6, max: h.max / 1e6 } }));
await database.close();
rmSync(dataDir, { recursive: true, force: true });
