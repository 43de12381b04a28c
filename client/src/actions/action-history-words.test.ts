import type { ActionEvent } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { describeActionHistory, formatHistoryTime, historyNames, type HistoryNames, type HistoryPlace } from "./action-history-words";

const priya = { id: "p-priya", name: "Priya Shah" };
const mark = { id: "p-mark", name: "Mark Davies" };

const names: HistoryNames = historyNames({
  team: [
    { personId: priya.id, name: priya.name },
    { personId: mark.id, name: mark.name },
    { personId: "p-lucy", name: "Lucy Evans" },
  ],
  agencies: [{ id: "a-social", name: "Children's social care" }],
  action: { ownerId: null, ownerName: null, ownerAgencyId: null, ownerAgencyName: null },
  events: [],
});

const carePlan: HistoryPlace = { meetingId: null, documentTitle: "Jamie's care plan" };
const minutes: HistoryPlace = { meetingId: "m1", documentTitle: "Team around the child minutes" };

function event(field: ActionEvent["field"], from: string | null, to: string | null, by: ActionEvent["by"] = priya, at = "2026-11-25T19:40:00Z"): ActionEvent {
  return { field, from, to, by, at };
}

function words(events: ActionEvent[], place = carePlan, known = names): string[] {
  return describeActionHistory(events, known, place).map((line) => line.words);
}

describe("formatHistoryTime", () => {
  it("writes the moment in UK time, the way the rest of the app writes dates", () => {
    expect(formatHistoryTime("2026-11-25T19:40:00Z")).toBe("25 Nov 2026, 19:40");
  });

  it("uses British Summer Time in summer", () => {
    expect(formatHistoryTime("2026-06-30T23:30:00Z")).toBe("1 Jul 2026, 00:30");
  });

  it("says when the time is not known", () => {
    expect(formatHistoryTime("yesterday")).toBe("Time not known");
  });
});

describe("describeActionHistory", () => {
  it("lists the newest change first, each with its time", () => {
    const lines = describeActionHistory(
      [
        event("created", null, "Book the hearing test", priya, "2026-11-20T09:00:00Z"),
        event("status", "open", "in-progress", mark, "2026-11-24T10:15:00Z"),
        event("status", "in-progress", "done", mark, "2026-11-25T19:40:00Z"),
      ],
      names,
      carePlan,
    );
    expect(lines.map((line) => `${line.when} — ${line.words}`)).toEqual([
      "25 Nov 2026, 19:40 — Mark Davies marked it Done (was In progress)",
      "24 Nov 2026, 10:15 — Mark Davies marked it In progress (was Not started)",
      "20 Nov 2026, 09:00 — Added to Jamie's care plan by Priya Shah",
    ]);
    expect(new Set(lines.map((line) => line.key)).size).toBe(3);
  });

  it("says an action in minutes was agreed in the meeting", () => {
    expect(words([event("created", null, "Book the hearing test")], minutes)).toEqual([
      "Agreed in the meeting and written in the minutes by Priya Shah",
    ]);
  });

  it("writes due dates like the rest of the app, and says when one was set or taken off", () => {
    expect(words([event("dueDate", "2026-12-01", "2026-12-12")])).toEqual([
      "Priya Shah moved the due date to Sat 12 Dec 2026 (was Tue 1 Dec 2026)",
    ]);
    expect(words([event("dueDate", null, "2026-12-11")])).toEqual(["Priya Shah set the due date to Fri 11 Dec 2026"]);
    expect(words([event("dueDate", "2026-12-11", null)])).toEqual(["Priya Shah took the due date off (was Fri 11 Dec 2026)"]);
  });

  it("names the new owner from the case team", () => {
    expect(words([event("ownerId", null, "p-lucy")])).toEqual(["Priya Shah gave it to Lucy Evans"]);
    expect(words([event("ownerId", mark.id, "p-lucy")])).toEqual(["Priya Shah gave it to Lucy Evans (was Mark Davies)"]);
  });

  it("says when someone took an action on themselves", () => {
    expect(words([event("ownerId", null, mark.id, mark)])).toEqual(["Mark Davies took it on"]);
  });

  it("joins the person and agency halves of one change of owner into one line", () => {
    const moment = "2026-11-26T08:00:00Z";
    expect(
      words([event("ownerId", mark.id, null, priya, moment), event("ownerAgencyId", null, "a-social", priya, moment)]),
    ).toEqual(["Priya Shah gave it to Children's social care, no one named yet (was Mark Davies)"]);
    expect(
      words([event("ownerId", null, "p-lucy", priya, moment), event("ownerAgencyId", "a-social", null, priya, moment)]),
    ).toEqual(["Priya Shah gave it to Lucy Evans (was Children's social care)"]);
  });

  it("keeps owner changes made at different moments apart", () => {
    expect(
      words([
        event("ownerId", null, mark.id, priya, "2026-11-26T08:00:00Z"),
        event("ownerId", mark.id, "p-lucy", priya, "2026-11-27T08:00:00Z"),
      ]),
    ).toEqual(["Priya Shah gave it to Lucy Evans (was Mark Davies)", "Priya Shah gave it to Mark Davies"]);
  });

  it("says when an action was left with no one", () => {
    expect(words([event("ownerId", mark.id, null)])).toEqual(["Priya Shah took it off Mark Davies"]);
  });

  it("still reads when an owner is no longer on the team", () => {
    expect(words([event("ownerId", "p-gone", "p-lucy")])).toEqual([
      "Priya Shah gave it to Lucy Evans (was someone no longer on the team)",
    ]);
    expect(words([event("ownerAgencyId", null, "a-gone")])).toEqual([
      "Priya Shah gave it to an agency no longer on the case, no one named yet",
    ]);
  });

  it("uses the names the action and the changes carry when the team is not to hand", () => {
    const known = historyNames({
      team: [],
      agencies: [],
      action: { ownerId: "p-lucy", ownerName: "Lucy Evans", ownerAgencyId: null, ownerAgencyName: null },
      events: [event("ownerId", null, mark.id, mark)],
    });
    expect(words([event("ownerId", mark.id, "p-lucy", priya)], carePlan, known)).toEqual([
      "Priya Shah gave it to Lucy Evans (was Mark Davies)",
    ]);
  });

  it("says when an action was removed from its document and put back", () => {
    expect(
      words([
        event("created", null, "Book the hearing test", null, "2026-11-20T09:00:00Z"),
        event("removed", null, null, null, "2026-11-21T09:00:00Z"),
        event("created", null, "Book the hearing test", priya, "2026-11-22T09:00:00Z"),
      ]),
    ).toEqual(["Put back in its document by Priya Shah", "Removed from its document", "Added to Jamie's care plan"]);
  });

  it("says when a later meeting reviewed the action it carried", () => {
    expect(words([event("reviewed", null, "Tracker meeting, Tue 2 Feb 2027"), event("reviewed", null, "Review meeting", null)], minutes)).toEqual([
      "Reviewed at Review meeting",
      "Reviewed by Priya Shah at Tracker meeting, Tue 2 Feb 2027",
    ]);
  });

  it("says who escalated it, to which level, and their note", () => {
    expect(
      words([
        event("escalated", "1", "Please book the appointment this week", priya, "2026-11-24T10:15:00Z"),
        event("escalated", "2", "Still not booked", mark, "2026-11-25T19:40:00Z"),
      ]),
    ).toEqual([
      "Mark Davies escalated it to the second level because it is overdue: “Still not booked”",
      "Priya Shah escalated it to the owner's agency because it is overdue: “Please book the appointment this week”",
    ]);
  });

  it("writes changes made by no one in particular without a name", () => {
    expect(words([event("status", "open", "blocked", null), event("dueDate", null, "2026-12-11", null)])).toEqual([
      "Due date set to Fri 11 Dec 2026",
      "Marked Blocked (was Not started)",
    ]);
  });

  it("says what is holding a blocked action up, and when that was cleared", () => {
    expect(
      words([
        event("blockedReason", null, "Waiting for the tuition budget", mark, "2026-11-24T10:15:00Z"),
        event("blockedReason", "Waiting for the tuition budget", null, mark, "2026-11-25T19:40:00Z"),
        event("blockedReason", null, "No reply yet", null, "2026-11-26T09:00:00Z"),
      ]),
    ).toEqual(["Held up by: “No reply yet”", "Mark Davies cleared what was holding it up", "Mark Davies said what is holding it up: “Waiting for the tuition budget”"]);
  });

  it("says what the words were changed to", () => {
    expect(words([event("text", "Book test", "Book the hearing test")])).toEqual([
      "Priya Shah changed the words to “Book the hearing test”",
    ]);
  });

  it("has nothing to say about an action with no history", () => {
    expect(words([])).toEqual([]);
  });
});
