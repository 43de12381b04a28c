import { closeCodes } from "@roundtable/collab";
import { DatabaseUnavailableError } from "@roundtable/db";
import { afterEach, describe, expect, it, vi } from "vitest";
import { capturedLog } from "../../test/support/captured-log.js";
import { AccessChanges } from "./access-changes.js";
import { AccessEnforcer } from "./access-enforcer.js";

const caseId = "5b0c8f2e-3c1d-4f7a-9d0e-2a6b7c8d9e01";
const otherCaseId = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";

afterEach(() => {
  vi.useRealTimers();
});

/** An enforcer whose re-check does what `answer` says for each attempt (throws: the database could not answer). */
function enforcerWith(answer: (caseId: string, attempt: number) => Promise<void>, maxMs = 1000) {
  const attempts: { caseId: string; at: number }[] = [];
  const captured = capturedLog();
  const disconnected: { documentId: string; code: number; reason: string }[] = [];
  const accessChanges = new AccessChanges();
  const enforcer = new AccessEnforcer(
    {
      recheck: (id) => {
        attempts.push({ caseId: id, at: Date.now() });
        return answer(id, attempts.length);
      },
      registry: { disconnectAll: (documentId, code, reason) => disconnected.push({ documentId, code, reason }) },
      accessChanges,
      log: captured.log,
    },
    { firstMs: 100, maxMs, failureLogIntervalMs: 10_000 },
  );
  return { enforcer, attempts, captured, disconnected, accessChanges };
}

const databaseAway = () => Promise.reject(new Error("Failed query: select … params: Jamie Walker", { cause: new DatabaseUnavailableError("The database is not answering") }));

describe("re-checking open connections after an access change", () => {
  it("keeps a re-check the database could not answer, tries it again 100 ms doubling to the limit, and stops once it is made", async () => {
    vi.useFakeTimers({ now: 0 });
    const { enforcer, attempts } = enforcerWith((_, attempt) => (attempt <= 5 ? databaseAway() : Promise.resolve()), 500);
    await expect(enforcer.caseAccessChanged(caseId)).resolves.toBeUndefined();
    expect(enforcer.waitingCases()).toEqual([caseId]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(attempts.map((a) => a.at)).toEqual([0, 100, 300, 700, 1200, 1700]);
    expect(enforcer.waitingCases()).toEqual([]);
    enforcer.close();
  });

  it("ends the wait with a re-check begun after the failed one, but not with one begun before it", async () => {
    vi.useFakeTimers({ now: 0 });
    let finishFirst: (() => void) | null = null;
    const { enforcer } = enforcerWith((_, attempt) =>
      attempt === 1 ? new Promise<void>((resolve) => (finishFirst = resolve)) : attempt === 2 ? databaseAway() : Promise.resolve(),
    );
    const first = enforcer.caseAccessChanged(caseId); // begun, still asking
    await enforcer.caseAccessChanged(caseId); // begun later, and failed
    finishFirst!();
    await first;
    expect(enforcer.waitingCases()).toEqual([caseId]); // the earlier one may not have seen the later change
    await enforcer.caseAccessChanged(caseId);
    expect(enforcer.waitingCases()).toEqual([]);
    enforcer.close();
  });

  it("tries each waiting case again, and logs failures at most once an interval by code, without the query", async () => {
    vi.useFakeTimers({ now: 0 });
    const { enforcer, attempts, captured } = enforcerWith((id) => (id === caseId || Date.now() < 1000 ? databaseAway() : Promise.resolve()));
    await enforcer.caseAccessChanged(caseId);
    await enforcer.caseAccessChanged(otherCaseId);
    await vi.advanceTimersByTimeAsync(3000);
    expect(enforcer.waitingCases()).toEqual([caseId]);
    expect(attempts.filter((a) => a.caseId === otherCaseId).length).toBeGreaterThan(1);
    expect(captured.lines).toHaveLength(1);
    expect(captured.lines[0]).toMatchObject({ caseId, error: "The database is not answering", suppressed: 0 });
    expect(captured.text()).not.toContain("Jamie");
    enforcer.close();
    const tried = attempts.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(attempts.length).toBe(tried);
  });

  it("ends editing of a document: its connections reconnect, and one being let in asks again", async () => {
    const { enforcer, disconnected, accessChanges } = enforcerWith(() => Promise.resolve());
    let asked = 0;
    const answer = accessChanges.settled(async () => {
      asked++;
      if (asked === 1) enforcer.editingEnded("minutes-id", "The minutes have been agreed and can no longer be changed");
      return asked;
    });
    expect(await answer).toBe(2);
    expect(disconnected).toEqual([{ documentId: "minutes-id", code: closeCodes.policy, reason: "The minutes have been agreed and can no longer be changed" }]);
  });
});
