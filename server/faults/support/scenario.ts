/**
 * One fault scenario's world: a fresh database on the throwaway cluster, the server running as
 * a child process, six people typing into Jamie's care plan and his mum watching it. Cleans
 * up after itself.
 */
import { createTestDatabase, type TestDatabase } from "@roundtable/db/testing";
import { carePlanOf, signIn } from "../../test/support/api-client.js";
import { freePort, startChildServer, type ChildServer } from "../../test/support/child-server.js";
import { waitFor } from "../../test/support/wait-for.js";
import type { PostgresCluster } from "./postgres-cluster.js";
import { openTypingSession, storedClocks, type TypingSession } from "./typing-session.js";

/** People on Jamie's case who may edit his care plan; Priya twice, as if in two tabs. */
const typistAccounts = ["priya.shah", "tom.hughes", "ben.carter", "lucy.evans", "mark.davies", "priya.shah"];

export interface Scenario {
  database: TestDatabase;
  port: number;
  server: ChildServer;
  documentId: string;
  session: TypingSession;
  /** Start the server again on the same port and database (after a kill or a shutdown). */
  restartServer(): Promise<ChildServer>;
  stored(): Promise<Map<number, number>>;
  /** Wait until every typist's edits are all confirmed saved. */
  everythingSaved(timeoutMs: number): Promise<void>;
  cleanup(): Promise<void>;
}

export async function startScenario(cluster: PostgresCluster, env: NodeJS.ProcessEnv = {}, typists = typistAccounts.length): Promise<Scenario> {
  const database = await createTestDatabase(cluster.adminUrl);
  const port = await freePort();
  const start = () => startChildServer({ databaseUrl: database.url }, port, { LOG_LEVEL: "info", ...env });
  const server = await start();
  const people = [];
  for (const account of typistAccounts.slice(0, typists)) people.push({ name: account, cookie: (await signIn(server.url, account)).cookie });
  const claire = await signIn(server.url, "claire.walker");
  const { documentId } = await carePlanOf(await signIn(server.url, "priya.shah"), "Jamie Walker");
  const session = await openTypingSession(server.url, documentId, people, claire.cookie);
  const scenario: Scenario = {
    database,
    port,
    server,
    documentId,
    session,
    async restartServer() {
      scenario.server = await start();
      return scenario.server;
    },
    stored: () => storedClocks(database.url, documentId),
    async everythingSaved(timeoutMs) {
      const progress = () => session.typists.map((t) => `${t.name}: ${t.persisted}/${t.typed}`).join(", ");
      await waitFor(() => session.typists.every((t) => t.persisted >= t.typed), { timeoutMs, intervalMs: 200 }).catch(() => {
        throw new Error(`Not every edit was saved within ${timeoutMs} ms (saved/typed: ${progress()})`);
      });
    },
    async cleanup() {
      session.destroy();
      await scenario.server.kill("SIGKILL");
      await database.drop().catch(() => {});
    },
  };
  return scenario;
}

/** Log lines of the server (pino JSON), parsed; other output is skipped. */
export function logLines(output: string): Record<string, unknown>[] {
  return output.split("\n").flatMap((line) => {
    if (!line.startsWith("{")) return [];
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}
