/**
 * The CETR follow-up dashboard (issue 13): who may list CETR actions and whose they see, the
 * query `GET /api/cetr-actions` takes and the rows it answers (a contract other tools rely on:
 * keep it), and the richer overview the "CETR actions" page reads, with its open-and-completed
 * figures week by week.
 *
 * A CETR action is an action whose document is a CETR's document.
 */
import { z } from "zod";
import type { Action } from "../actions/action-api.js";
import type { ActionStatus } from "../actions/action-status.js";
import type { Role } from "../roles.js";
import type { CetrStatus } from "./cetr.js";

/**
 * Whose CETR actions a person sees: an ICB lead the children they oversee (every child of the
 * services their ICB commissions whose family shares with the ICB); a keyworker their own
 * caseload (the children they are keyworker or second keyworker for); a senior keyworker the
 * children whose team they are on (as everywhere else, they open no other child's records); the
 * service lead the whole service. Nobody else: professionals chase their own actions in My
 * actions, and the family sees the agreed report.
 */
export type CetrActionsScope = "overseen" | "own-caseload" | "own-cases" | "service";

export const cetrActionsScopes: Partial<Record<Role, CetrActionsScope>> = {
  "icb-lead": "overseen",
  keyworker: "own-caseload",
  "senior-keyworker": "own-cases",
  "service-lead": "service",
};

export function cetrActionsScope(role: Role): CetrActionsScope | null {
  return cetrActionsScopes[role] ?? null;
}

export function mayUseCetrActions(role: Role): boolean {
  return cetrActionsScope(role) !== null;
}

/** "Due soon": due today or in the next this many days, and not done. */
export const dueSoonDays = 14;

/** The most rows one page of `GET /api/cetr-actions` holds when the request does not say. */
export const cetrActionsDefaultLimit = 200;

const uuidParameter = (name: string, what: string) => z.uuid(`${name} must be ${what}`).optional();

const limitParameter = z.coerce
  .number({ error: "limit must be a number" })
  .int("limit must be a whole number")
  .min(1, "limit must be at least 1")
  .max(1000, "limit can be at most 1000")
  .optional();

/** Query strings are checked strictly: a misspelt filter is refused, never quietly ignored (which would list everything). */
const unknownParameters = (issue: { code: string; keys?: readonly PropertyKey[] }) =>
  issue.code === "unrecognized_keys" ? `Unknown parameter: ${(issue.keys ?? []).map(String).join(", ")}` : undefined;

/** A parameter given with no value (`agencyId=`) is taken as not given, as the contract's own template writes them. */
const withoutEmpty = (query: unknown) =>
  query !== null && typeof query === "object" ? Object.fromEntries(Object.entries(query).filter(([, value]) => value !== "")) : query;

const cetrActionsQueryShape = {
  /** true: only overdue actions; false: only those that are not. */
  overdue: z.enum(["true", "false"], { error: "overdue must be true or false" }).optional(),
  /** Owned by this agency: as written on the action, else the agency its owner works for. */
  agencyId: uuidParameter("agencyId", "an agency id"),
  ownerId: uuidParameter("ownerId", "a person id"),
  caseId: uuidParameter("caseId", "a case id"),
  /** Not done, and due from today to this many days ahead (0: due today). */
  dueWithinDays: z.coerce
    .number({ error: "dueWithinDays must be a number of days" })
    .int("dueWithinDays must be a whole number of days")
    .min(0, "dueWithinDays must be 0 or more")
    .max(366, "dueWithinDays can be at most 366")
    .optional(),
  /** At most this many rows (default 200), soonest due first. */
  limit: limitParameter,
  /** The next page: the rows after this action (the last row of the page before). The answer's Link header names it. */
  after: uuidParameter("after", "the id of the last action on the page before"),
};

export const cetrActionsQuerySchema = z.preprocess(withoutEmpty, z.strictObject(cetrActionsQueryShape, { error: unknownParameters }));
export type CetrActionsQuery = z.infer<typeof cetrActionsQuerySchema>;

/** One row of `GET /api/cetr-actions`: the contract's shape, exactly. */
export interface CetrActionRow {
  id: string;
  cetrId: string;
  caseId: string;
  text: string;
  ownerId: string | null;
  /** The owner's agency: as written on the action, else the agency its owner works for. */
  ownerAgencyId: string | null;
  dueDate: string | null;
  status: ActionStatus;
  overdue: boolean;
  /** How many times it has been escalated. */
  escalations: number;
}

/** The page's narrowing: each is optional, and all that are given apply. */
const cetrActionsOverviewQueryShape = {
  agencyId: uuidParameter("agencyId", "an agency id"),
  ownerId: uuidParameter("ownerId", "a person id"),
  caseId: uuidParameter("caseId", "a case id"),
  cetrId: uuidParameter("cetrId", "a CETR id"),
  /** At most this many open actions (default cetrActionsOverviewPageSize), overdue first. */
  limit: limitParameter,
};

export const cetrActionsOverviewQuerySchema = z.preprocess(withoutEmpty, z.strictObject(cetrActionsOverviewQueryShape, { error: unknownParameters }));
export type CetrActionsOverviewQuery = z.infer<typeof cetrActionsOverviewQuerySchema>;

/** An open CETR action as the page shows it: the action (as lists have it) and its CETR. */
export interface CetrActionView extends Action {
  /** The agency it is with: as written on it, else the agency its owner works for (Action's ownerAgency* are only the former). */
  agencyId: string | null;
  agencyName: string | null;
  cetrId: string;
  cetrHeldOn: string | null;
  cetrStatus: CetrStatus;
  escalations: number;
}

export interface CetrActionCounts {
  overdue: number;
  /** Not overdue, not done, due from today to `dueSoonDays` ahead. */
  dueSoon: number;
  /** Still to be done (open, in progress or blocked), overdue ones included. */
  open: number;
  done: number;
  /** Children with at least one CETR action. */
  children: number;
}

/** One agency, owner, child or CETR, with how many of its actions are open, overdue and due soon. */
export interface CetrActionGroup {
  /** null: no agency, or no owner. */
  id: string | null;
  name: string;
  open: number;
  overdue: number;
  dueSoon: number;
}

export interface CetrGroup extends CetrActionGroup {
  id: string;
  caseId: string;
  heldOn: string | null;
  status: CetrStatus;
}

/** At the end of one week: how many CETR actions were still to be done, and how many had been done. */
export interface OpenVsCompletedPoint {
  weekEnding: string;
  open: number;
  completed: number;
}

/** The most agencies, owners, children or CETRs the overview lists, those with the most overdue first. */
export const cetrActionGroupLimit = 500;

/**
 * How many open actions the CETR actions page lists at first, and how many more each "Show more"
 * adds (the overview's `limit` when the request does not say; at most 1000).
 */
export const cetrActionsOverviewPageSize = 100;

export interface CetrActionsOverview {
  today: string;
  dueSoonDays: number;
  /** With the page's filters applied. */
  counts: CetrActionCounts;
  /** The open actions, overdue first (most overdue first), then by due date; filtered. */
  actions: CetrActionView[];
  /** Whether there are open actions past the limit. */
  more: boolean;
  /** Week by week, oldest first, the last week ending today; filtered. */
  overTime: OpenVsCompletedPoint[];
}

/**
 * The choices for the page's filters (`GET /api/cetr-actions/choices`): everyone and everything
 * the person follows up, unfiltered, each with its figures, the most overdue first. Read apart
 * from the overview, so narrowing the page, showing more or a change elsewhere does not read a
 * thousand choices again with the lists.
 */
export interface CetrActionChoices {
  agencies: CetrActionGroup[];
  owners: CetrActionGroup[];
  children: CetrActionGroup[];
  cetrs: CetrGroup[];
}

/** How many weeks the open-and-completed figures go back. */
export const overTimeWeeks = 12;

/** A change in how many actions are open or done, on one day: +1 when one becomes so, -1 when one stops being so. */
export interface StatusCountChange {
  day: string;
  kind: "open" | "done";
  change: number;
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day of each of `weeks` weeks, oldest first, the last one `today`. */
export function weekEndings(today: string, weeks: number): string[] {
  return Array.from({ length: weeks }, (_, i) => addDays(today, -7 * (weeks - 1 - i)));
}

/** The day of a due date `days` from today. */
export function daysFrom(today: string, days: number): string {
  return addDays(today, days);
}

/**
 * Open and completed at the end of each week: every change up to and including that day, added
 * up. Changes before the first week count towards it (that is where the totals start from).
 */
export function openVsCompletedByWeek(changes: readonly StatusCountChange[], endings: readonly string[]): OpenVsCompletedPoint[] {
  const sorted = [...changes].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const totals = { open: 0, done: 0 };
  let next = 0;
  return endings.map((weekEnding) => {
    while (next < sorted.length && sorted[next]!.day <= weekEnding) {
      const c = sorted[next++]!;
      totals[c.kind] += c.change;
    }
    return { weekEnding, open: totals.open, completed: totals.done };
  });
}
