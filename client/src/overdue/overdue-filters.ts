/**
 * The overdue view's filters and the query string that carries them, so a filtered view can be
 * bookmarked and shared: `?agency=<id>&owner=person:<id>&case=<id>`. The owner is a person, an
 * agency with no one named yet (`agency:<id>`), or `none`. Anything that is not a real id is
 * ignored rather than sent to the server.
 */
import { isUuid, type ActionListQuery } from "@roundtable/domain";
import { ownerFromChoice } from "../actions/action-owner";

export interface OverdueFilters {
  agencyId: string | null;
  /** "" for anyone, "person:<id>", "agency:<id>" or "none". */
  owner: string;
  caseId: string | null;
}

export const noFilters: OverdueFilters = { agencyId: null, owner: "", caseId: null };

/** The most a page asks for; the view says so when there may be more. */
export const overdueLimit = 500;

export const noOwnerChoice = "none";

function idOrNull(value: string | null): string | null {
  return isUuid(value) ? value : null;
}

function readOwner(value: string | null): string {
  if (value === noOwnerChoice) return value;
  const [kind, id] = value?.split(":") ?? [];
  if ((kind === "person" || kind === "agency") && idOrNull(id ?? null)) return `${kind}:${id}`;
  return "";
}

export function readOverdueFilters(search: URLSearchParams): OverdueFilters {
  return {
    agencyId: idOrNull(search.get("agency")),
    owner: readOwner(search.get("owner")),
    caseId: idOrNull(search.get("case")),
  };
}

/** The query string for these filters, without the "?" ("" when there are none). */
export function overdueSearch(filters: OverdueFilters): string {
  const search = new URLSearchParams();
  if (filters.agencyId) search.set("agency", filters.agencyId);
  if (filters.owner) search.set("owner", filters.owner);
  if (filters.caseId) search.set("case", filters.caseId);
  return search.toString();
}

export function hasFilters(filters: OverdueFilters): boolean {
  return filters.agencyId !== null || filters.owner !== "" || filters.caseId !== null;
}

/**
 * What to ask the server for. It can narrow by agency, case and a named owner; "an agency with
 * no one named" and "no owner" are narrowed here, by `matchesOwner`.
 */
export function overdueQuery(filters: OverdueFilters): ActionListQuery {
  const query: ActionListQuery = { overdue: "true", limit: overdueLimit };
  if (filters.agencyId) query.agencyId = filters.agencyId;
  const { ownerId } = ownerFromChoice(filters.owner);
  if (ownerId) query.owner = ownerId;
  if (filters.caseId) query.caseId = filters.caseId;
  return query;
}

export function matchesOwner(action: { ownerId: string | null; ownerAgencyId: string | null }, owner: string): boolean {
  if (owner === "") return true;
  if (owner === noOwnerChoice) return action.ownerId === null && action.ownerAgencyId === null;
  const chosen = ownerFromChoice(owner);
  if (chosen.ownerId) return action.ownerId === chosen.ownerId;
  return action.ownerId === null && action.ownerAgencyId === chosen.ownerAgencyId;
}

/** True when the server's answer depends on the filters (not only "overdue"). */
export function narrowsOnServer(filters: OverdueFilters): boolean {
  return filters.agencyId !== null || filters.caseId !== null || ownerFromChoice(filters.owner).ownerId !== null;
}
