/**
 * Arranging the open CETR actions the way someone chasing forty children reads them: split into
 * overdue, due in the next two weeks and the rest, and within each, grouped by agency, owner,
 * child or CETR when asked — the group with the most actions first, each keeping the server's
 * order (most overdue first).
 */
import type { CetrActionView } from "@roundtable/domain";
import { addDays } from "../actions/action-dates";
import type { Grouping } from "./cetr-action-filters";
import { cetrLabel } from "./cetr-actions-words";

export interface CetrActionSections {
  overdue: CetrActionView[];
  dueSoon: CetrActionView[];
  later: CetrActionView[];
}

export function sectionsOf(actions: readonly CetrActionView[], today: string, dueSoonDays: number): CetrActionSections {
  const lastSoon = addDays(today, dueSoonDays);
  const sections: CetrActionSections = { overdue: [], dueSoon: [], later: [] };
  for (const action of actions) {
    if (action.overdue) sections.overdue.push(action);
    else if (action.dueDate !== null && action.dueDate >= today && action.dueDate <= lastSoon) sections.dueSoon.push(action);
    else sections.later.push(action);
  }
  return sections;
}

export interface ActionGroup {
  key: string;
  /** "" when not grouped. */
  heading: string;
  actions: CetrActionView[];
}

function keyAndHeading(action: CetrActionView, by: Grouping): [string, string] {
  switch (by) {
    case "none":
      return ["all", ""];
    case "agency":
      return [action.agencyId ?? "none", action.agencyName ?? "No agency"];
    case "owner":
      if (action.ownerId) return [action.ownerId, action.ownerName ?? "Someone no longer here"];
      return action.agencyName ? [`agency:${action.agencyId}`, `${action.agencyName} (no one named yet)`] : ["none", "No owner"];
    case "child":
      return [action.caseId, action.caseName];
    case "cetr":
      return [action.cetrId, `${action.caseName}: ${cetrLabel({ heldOn: action.cetrHeldOn, status: action.cetrStatus })}`];
  }
}

export function groupCetrActions(actions: readonly CetrActionView[], by: Grouping): ActionGroup[] {
  const groups = new Map<string, ActionGroup>();
  for (const action of actions) {
    const [key, heading] = keyAndHeading(action, by);
    const group = groups.get(key) ?? { key, heading, actions: [] };
    group.actions.push(action);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.actions.length - a.actions.length || a.heading.localeCompare(b.heading, "en-GB"));
}
