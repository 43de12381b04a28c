/** Escalating overdue actions, and each agency's escalation contact, over HTTP, typed by the server's routes as api.ts is. */
import type { ActionEscalations, AgencyWithContact, EscalationWritten } from "@roundtable/domain";
import { api } from "./api";
import { requestJson, segment } from "./transport";

/** An action's escalations, oldest first, and who escalating it now would tell (or why it cannot be). */
export function listEscalations(actionId: string): Promise<ActionEscalations> {
  return requestJson(api.actions[":id"].escalations.$get({ param: { id: segment(actionId) } }));
}

/** Escalate an overdue action with a note; the server decides the level and tells the people it names. */
export function escalateAction(actionId: string, note: string): Promise<EscalationWritten> {
  return requestJson(api.actions[":id"].escalations.$post({ param: { id: segment(actionId) }, json: { note } }));
}

/** The service's agencies with their escalation contacts (the service lead's). */
export function listAgencies(): Promise<AgencyWithContact[]> {
  return requestJson(api.agencies.$get());
}

/** Name an agency's escalation contact, or nobody. */
export function setEscalationContact(agencyId: string, personId: string | null): Promise<AgencyWithContact> {
  return requestJson(api.agencies[":id"]["escalation-contact"].$put({ param: { id: segment(agencyId) }, json: { personId } }));
}

