import type { InboxNotification } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { markedRead, mergeNotifications } from "./inbox-list";

const n = (id: string, createdAt: string, read = false): InboxNotification => ({ id, kind: "minutes-agreed", title: id, body: "", link: null, createdAt, read });

describe("the inbox list", () => {
  it("keeps each notification once, newest first, the later reading winning", () => {
    const first = [n("b", "2026-12-06T10:00:00.000Z"), n("a", "2026-12-06T09:00:00.000Z")];
    const older = [n("a", "2026-12-06T09:00:00.000Z"), n("z", "2026-12-05T09:00:00.000Z")];
    const fresh = [n("c", "2026-12-06T11:00:00.000Z"), n("b", "2026-12-06T10:00:00.000Z", true)];
    const merged = mergeNotifications(mergeNotifications(first, older), fresh);
    expect(merged.map((x) => x.id)).toEqual(["c", "b", "a", "z"]);
    expect(merged.find((x) => x.id === "b")?.read).toBe(true);
  });

  it("marks the ones named read, or all of them", () => {
    const list = [n("a", "2026-12-06T10:00:00.000Z"), n("b", "2026-12-06T09:00:00.000Z")];
    expect(markedRead(list, new Set(["b"])).map((x) => x.read)).toEqual([false, true]);
    expect(markedRead(list).map((x) => x.read)).toEqual([true, true]);
  });
});
