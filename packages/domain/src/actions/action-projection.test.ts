import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffActions, type StoredActionState } from "./action-diff.js";
import { projectActions, type DocNode, type ProjectedAction } from "./action-projection.js";

const id1 = "0b8f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4";
const id2 = "1c9e2f3a-4b5c-4d6e-9f70-8192a3b4c5d6";
const owner = "2d0f3a4b-5c6d-4e7f-a081-92a3b4c5d6e7";

const text = (t: string): DocNode => ({ type: "text", text: t });
const heading = (t: string): DocNode => ({ type: "heading", attrs: { level: 2 }, content: [text(t)] });
const paragraph = (t: string): DocNode => ({ type: "paragraph", content: [text(t)] });
const action = (attrs: Record<string, unknown>, t: string): DocNode => ({ type: "actionItem", attrs, content: [text(t)] });
const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });

describe("projectActions", () => {
  it("finds each action with its owner, due date, status and the section it sits in", () => {
    const rows = projectActions(
      doc(
        heading("Who does what by when"),
        paragraph("Agreed at the review:"),
        action({ id: id1, ownerId: owner, ownerAgencyId: null, dueDate: "2026-12-12", status: "in-progress" }, "Write a part-time timetable"),
        heading("Contacts"),
        { type: "bulletList", content: [{ type: "listItem", content: [action({ id: id2, status: "done" }, "Share  the crisis\nline")] }] },
      ),
    );
    expect(rows).toEqual([
      { id: id1, text: "Write a part-time timetable", ownerId: owner, ownerAgencyId: null, dueDate: "2026-12-12", status: "in-progress", blockedReason: null, section: "Who does what by when", caseId: null, position: 0 },
      { id: id2, text: "Share the crisis line", ownerId: null, ownerAgencyId: null, dueDate: null, status: "done", blockedReason: null, section: "Contacts", caseId: null, position: 1 },
    ]);
  });

  it("gives each action in a tracker meeting the case of the heading it sits under", () => {
    const jamie = "3e1a4b5c-6d7e-4f80-b192-a3b4c5d6e7f8";
    const aisha = "4f2b5c6d-7e8f-4091-a2a3-b4c5d6e7f809";
    const caseHeading = (t: string, caseId: string): DocNode => ({ type: "heading", attrs: { level: 2, caseId }, content: [text(t)] });
    const sub = (t: string): DocNode => ({ type: "heading", attrs: { level: 3 }, content: [text(t)] });
    const rows = projectActions(
      doc(
        caseHeading("Jamie Walker", jamie),
        sub("Actions"),
        action({ id: id1 }, "Timetable"),
        caseHeading("Aisha Reid", aisha),
        action({ id: id2 }, "Minibus"),
        heading("Any other business"),
        action({ id: owner }, "Room booking"),
      ),
    );
    expect(rows.map((r) => [r.text, r.caseId])).toEqual([
      ["Timetable", jamie],
      ["Minibus", aisha],
      ["Room booking", null],
    ]);
  });

  it("cleans up attributes it cannot trust instead of failing", () => {
    const [row] = projectActions(doc(action({ id: id1.toUpperCase(), ownerId: "someone", dueDate: "12/12/2026", status: "finished" }, "Call Claire")));
    expect(row).toMatchObject({ id: id1, ownerId: null, dueDate: null, status: "open", section: null });
  });

  it("drops characters Postgres cannot store from an action's words and its section, so tracking never fails", () => {
    const rows = projectActions(doc(heading("Plan\u0000 B"), action({ id: id1 }, "Ring\u0000 school \ud800today")));
    expect(rows.map((r) => [r.text, r.section])).toEqual([["Ring school today", "Plan B"]]);
  });

  it("keeps what is holding a blocked action up, on one line and within the limit, and nothing for an action that is not blocked", () => {
    const rows = projectActions(
      doc(
        action({ id: id1, status: "blocked", blockedReason: "  Waiting for\nthe school\u0000's reply  " }, "Timetable"),
        action({ id: id2, status: "in-progress", blockedReason: "Stale reason" }, "Minibus"),
      ),
    );
    expect(rows.map((r) => r.blockedReason)).toEqual(["Waiting for the school's reply", null]);
    const [long] = projectActions(doc(action({ id: id1, status: "blocked", blockedReason: "x".repeat(600) }, "Long")));
    expect(long?.blockedReason).toHaveLength(500);
  });

  it("leaves out actions without an id, and copies of an id already seen", () => {
    const rows = projectActions(doc(action({}, "No id"), action({ id: id1 }, "First"), action({ id: id1 }, "Pasted copy")));
    expect(rows.map((r) => r.text)).toEqual(["First"]);
  });
});

const arbAction = fc.record({
  id: fc.uuid({ version: 4 }),
  ownerId: fc.option(fc.uuid({ version: 4 }), { nil: null }),
  ownerAgencyId: fc.option(fc.uuid({ version: 4 }), { nil: null }),
  dueDate: fc.option(fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: null }),
  status: fc.constantFrom("open", "in-progress", "done", "blocked", "cancelled"),
  text: fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.replace(/\s+/g, " ").trim() || "x"),
});

const arbDoc = fc
  .array(fc.oneof(arbAction.map((a) => ({ kind: "action" as const, a })), fc.string({ maxLength: 10 }).map((t) => ({ kind: "para" as const, t }))), { maxLength: 15 })
  .map((blocks) => {
    const seen = new Set<string>();
    const kept = blocks.filter((b) => b.kind !== "action" || (!seen.has(b.a.id) && seen.add(b.a.id)));
    return {
      actions: kept.flatMap((b) => (b.kind === "action" ? [b.a] : [])),
      node: doc(...kept.map((b) => (b.kind === "action" ? action({ ...b.a }, b.a.text) : paragraph(b.t)))),
    };
  });

function store(rows: readonly ProjectedAction[], removed: readonly string[] = []): StoredActionState[] {
  return [...rows.map((r) => ({ ...r, removed: false })), ...removed.map((id) => ({ id, text: "", ownerId: null, ownerAgencyId: null, dueDate: null, status: "open", blockedReason: null, section: null, caseId: null, position: 0, removed: true }))];
}

describe("projection properties", () => {
  it("projects every tracked action exactly once, in document order, with its attributes", () => {
    fc.assert(
      fc.property(arbDoc, ({ actions, node }) => {
        const rows = projectActions(node);
        expect(rows.map((r) => r.id)).toEqual(actions.map((a) => a.id.toLowerCase()));
        for (const [i, r] of rows.entries()) {
          expect(r).toMatchObject({ status: actions[i]!.status, dueDate: actions[i]!.dueDate, position: i });
        }
      }),
    );
  });

  it("diffing a document against its own projection changes nothing", () => {
    fc.assert(
      fc.property(arbDoc, ({ node }) => {
        const rows = projectActions(node);
        expect(diffActions(store(rows), rows)).toEqual({ upserts: [], removed: [], events: [] });
      }),
    );
  });

  it("after applying a diff, the stored rows equal the new projection", () => {
    fc.assert(
      fc.property(arbDoc, arbDoc, (a, b) => {
        const before = projectActions(a.node);
        const after = projectActions(b.node);
        const diff = diffActions(store(before), after);
        const stored = new Map(store(before).map((s) => [s.id, s]));
        for (const u of diff.upserts) stored.set(u.id, { ...u, removed: false });
        for (const id of diff.removed) stored.set(id, { ...stored.get(id)!, removed: true });
        const live = [...stored.values()].filter((s) => !s.removed).sort((x, y) => x.position - y.position);
        expect(live.map(({ removed: _r, ...rest }) => rest)).toEqual(after);
        // A field event is recorded exactly when that field differs.
        for (const e of diff.events.filter((e) => e.field === "status")) {
          expect(before.find((r) => r.id === e.actionId)?.status).toBe(e.from);
        }
      }),
    );
  });
});

describe("diffActions", () => {
  it("records the history: created, each changed field, removed", () => {
    const first = projectActions(doc(action({ id: id1, status: "open" }, "Call the school"), action({ id: id2 }, "Book the room")));
    const second = projectActions(doc(action({ id: id1, status: "done", dueDate: "2026-12-01" }, "Call the school")));
    const diff = diffActions(store(first), second);
    expect(diff.events).toEqual([
      { actionId: id1, field: "dueDate", from: null, to: "2026-12-01" },
      { actionId: id1, field: "status", from: "open", to: "done" },
      { actionId: id2, field: "removed", from: null, to: null },
    ]);
    expect(diff.removed).toEqual([id2]);
    const blocked = projectActions(doc(action({ id: id1, status: "blocked", blockedReason: "Waiting for a reply", dueDate: "2026-12-01" }, "Call the school")));
    expect(diffActions(store(second), blocked).events).toEqual([
      { actionId: id1, field: "status", from: "done", to: "blocked" },
      { actionId: id1, field: "blockedReason", from: null, to: "Waiting for a reply" },
    ]);
    const back = diffActions(store(second, [id2]), first);
    expect(back.events.filter((e) => e.actionId === id2).map((e) => e.field)).toEqual(["created"]);
  });
});
