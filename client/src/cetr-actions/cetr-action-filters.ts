/**
 * The CETR actions page's filters and grouping, kept in the address so a view can be bookmarked
 * or sent to a colleague: `?agency=<id>&owner=<id>&child=<id>&cetr=<id>&group=owner`. Anything
 * that is not a real id (or a grouping the page offers) is ignored rather than sent to the server.
 */
import { cetrActionsOverviewPageSize, isUuid, type CetrActionsOverviewQuery } from "@roundtable/domain";

export const groupings = ["none", "agency", "owner", "child", "cetr"] as const;
export type Grouping = (typeof groupings)[number];

export const groupingLabels: Record<Grouping, string> = {
  none: "Nothing (one list)",
  agency: "Agency",
  owner: "Owner",
  child: "Child",
  cetr: "CETR",
};

export interface CetrActionFilters {
  agencyId: string | null;
  ownerId: string | null;
  caseId: string | null;
  cetrId: string | null;
  group: Grouping;
}

export const noFilters: CetrActionFilters = { agencyId: null, ownerId: null, caseId: null, cetrId: null, group: "none" };

/** The most open actions the page lists: "Show more" adds a page at a time up to this (the server's most). */
export const cetrActionsMostShown = 1000;

const idOrNull = (value: string | null): string | null => (isUuid(value) ? value : null);

export function readCetrActionFilters(search: URLSearchParams): CetrActionFilters {
  const group = search.get("group");
  return {
    agencyId: idOrNull(search.get("agency")),
    ownerId: idOrNull(search.get("owner")),
    caseId: idOrNull(search.get("child")),
    cetrId: idOrNull(search.get("cetr")),
    group: (groupings as readonly string[]).includes(group ?? "") ? (group as Grouping) : "none",
  };
}

/** The query string for these filters, without the "?" ("" when there are none). */
export function cetrActionsSearch(filters: CetrActionFilters): string {
  const search = new URLSearchParams();
  if (filters.agencyId) search.set("agency", filters.agencyId);
  if (filters.ownerId) search.set("owner", filters.ownerId);
  if (filters.caseId) search.set("child", filters.caseId);
  if (filters.cetrId) search.set("cetr", filters.cetrId);
  if (filters.group !== "none") search.set("group", filters.group);
  return search.toString();
}

/** Whether anything narrows the list (grouping only arranges it). */
export function narrows(filters: CetrActionFilters): boolean {
  return filters.agencyId !== null || filters.ownerId !== null || filters.caseId !== null || filters.cetrId !== null;
}

/** What the page asks for: these filters, and the open actions due soonest, `shown` of them (a page at first). */
export function overviewQuery(filters: CetrActionFilters, shown = cetrActionsOverviewPageSize): CetrActionsOverviewQuery {
  const query: CetrActionsOverviewQuery = { limit: Math.min(shown, cetrActionsMostShown) };
  if (filters.agencyId) query.agencyId = filters.agencyId;
  if (filters.ownerId) query.ownerId = filters.ownerId;
  if (filters.caseId) query.caseId = filters.caseId;
  if (filters.cetrId) query.cetrId = filters.cetrId;
  return query;
}
