import { describe, expect, it } from "vitest";
import { openDatabase } from "./database.js";
import { postgresUrlUnderTest, underPostgres, useDatabaseUnderTest } from "./database-under-test.js";

// PGlite in memory by default; a fresh Postgres database when DATABASE_URL is set.
const opened = useDatabaseUnderTest();

/** A promise and the function that settles it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe("work run alone (an advisory lock per name)", () => {
  it("runs the work and lets the lock go afterwards, even when the work fails", async () => {
    const { runAlone } = opened();
    let runs = 0;
    expect(await runAlone("the test job", async () => void runs++)).toBe(true);
    await expect(runAlone("the test job", () => Promise.reject(new Error("the job broke")))).rejects.toThrow("the job broke");
    expect(await runAlone("the test job", async () => void runs++)).toBe(true);
    expect(runs).toBe(2);
  });

  it.skipIf(!underPostgres())("skips the work while another process runs work of the same name, and not work of another name", async () => {
    const here = opened();
    // A second server process: its own connections to the same database.
    const other = await openDatabase({ url: postgresUrlUnderTest()! });
    try {
      const running = gate();
      const finish = gate();
      const first = here.runAlone("the overdue check", async () => {
        running.open();
        await finish.opened;
      });
      await running.opened;
      let ranElsewhere = 0;
      expect(await other.runAlone("the overdue check", async () => void ranElsewhere++)).toBe(false);
      expect(await other.runAlone("the daily digest", async () => void ranElsewhere++)).toBe(true);
      finish.open();
      expect(await first).toBe(true);
      expect(await other.runAlone("the overdue check", async () => void ranElsewhere++)).toBe(true);
      expect(ranElsewhere).toBe(2);
    } finally {
      await other.close();
    }
  });
});
