/**
 * The filters of the audit trail and the access report, carried in the address so a narrowed
 * view can be bookmarked or shared: `?personId=<id>&documentId=<id>&action=opened&from=…&to=…`.
 * Anything that is not a real id, a known kind of event or a real date is ignored rather than
 * sent to the server.
 */
import { auditActions, isUuid, type AuditAction, type AuditFilter } from "@roundtable/domain";
import { isIsoDate } from "../actions/action-dates";

const keys = ["personId", "documentId", "action", "from", "to"] as const satisfies readonly (keyof AuditFilter)[];

function isAuditAction(value: string): value is AuditAction {
  return (auditActions as readonly string[]).includes(value);
}

export function readAuditFilter(search: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {};
  const personId = search.get("personId");
  const documentId = search.get("documentId");
  const action = search.get("action");
  const from = search.get("from");
  const to = search.get("to");
  if (isUuid(personId)) filter.personId = personId;
  if (isUuid(documentId)) filter.documentId = documentId;
  if (action && isAuditAction(action)) filter.action = action;
  if (from && isIsoDate(from)) filter.from = from;
  if (to && isIsoDate(to)) filter.to = to;
  return filter;
}

/** The query string for these filters, without the "?" ("" when there are none). */
export function auditSearch(filter: AuditFilter): string {
  const search = new URLSearchParams();
  for (const key of keys) {
    const value = filter[key];
    if (value) search.set(key, value);
  }
  return search.toString();
}

export function isFiltered(filter: AuditFilter): boolean {
  return keys.some((key) => filter[key] !== undefined);
}

/** Why these dates cannot be used together, or null. */
export function dateRangeProblem(filter: AuditFilter): string | null {
  if (filter.from && filter.to && filter.from > filter.to) return "The end date must be the same as or after the start date";
  return null;
}
