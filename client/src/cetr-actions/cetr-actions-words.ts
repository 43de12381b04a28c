/**
 * What the CETR actions page says, in plain words: its heading by whose actions the reader
 * follows up (cetrActionsScope), the counts at the top, each CETR, how late or soon each action
 * is, and how often it has been escalated.
 */
import { cetrStatusLabels, type CetrActionsScope, type CetrStatus } from "@roundtable/domain";
import { daysBetween, formatDueDate } from "../actions/action-dates";

export const cetrActionsHeading = "CETR actions";

export function cetrActionsLede(scope: CetrActionsScope): string {
  const whose = {
    overseen: "the children your ICB oversees",
    "own-caseload": "the children on your caseload",
    "own-cases": "the children whose team you are on",
    service: "every child in the service",
  }[scope];
  return `Every action agreed at the CETRs of ${whose} that is not done yet. Overdue actions come first, the most overdue at the top.`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Each figure at the top: the number, and what it counts. */
export function countsWords(counts: { overdue: number; dueSoon: number; open: number; done: number; children: number }, dueSoonDays: number) {
  return [
    { key: "overdue", figure: counts.overdue, words: counts.overdue === 1 ? "action overdue" : "actions overdue" },
    { key: "due-soon", figure: counts.dueSoon, words: `due in the next ${dueSoonDays} days` },
    { key: "open", figure: counts.open, words: counts.open === 1 ? "action still to do" : "actions still to do" },
    { key: "done", figure: counts.done, words: "done" },
    { key: "children", figure: counts.children, words: counts.children === 1 ? "child" : "children" },
  ] as const;
}

/** "CETR held Tue 3 Feb 2026"; one not held yet says where it has got to. */
export function cetrLabel(cetr: { heldOn: string | null; status: CetrStatus }): string {
  if (cetr.heldOn && (cetr.status === "held" || cetr.status === "agreed")) return `CETR held ${formatDueDate(cetr.heldOn)}`;
  if (cetr.heldOn && cetr.status === "arranged") return `CETR arranged for ${formatDueDate(cetr.heldOn)}`;
  return `CETR: ${cetrStatusLabels[cetr.status]}`;
}

/** How late or how soon: "5 days overdue", "Due today", "Due in 3 days"; null with no due date. */
export function whenDueText(dueDate: string | null, today: string): string | null {
  const days = dueDate === null ? null : daysBetween(today, dueDate);
  if (days === null) return null;
  if (days < 0) return `${plural(-days, "day", "days")} overdue`;
  if (days === 0) return "Due today";
  if (days === 1) return "Due tomorrow";
  return `Due in ${days} days`;
}

export function escalatedText(times: number): string {
  if (times === 0) return "Not escalated";
  if (times === 1) return "Escalated once";
  return `Escalated ${times} times`;
}

/** A section's heading with its count: "Overdue (3)". */
export const withCount = (heading: string, count: number) => `${heading} (${count})`;

/** What a section says when it has nothing in it. */
export function emptySectionText(section: "overdue" | "due-soon" | "later", narrowed: boolean): string {
  const these = narrowed ? " that match these filters" : "";
  switch (section) {
    case "overdue":
      return `No CETR actions${these} are overdue.`;
    case "due-soon":
      return `No CETR actions${these} are due in the next two weeks.`;
    case "later":
      return `No other open CETR actions${these}.`;
  }
}
