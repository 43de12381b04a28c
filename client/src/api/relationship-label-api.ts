/**
 * The relationships network maps offer, over HTTP, typed by the server's routes as api.ts is:
 * those a child's maps offer, and the service's own as its service lead manages them.
 */
import type { ServiceRelationshipLabels } from "@roundtable/domain";
import { api } from "./api";
import { requestJson, segment } from "./transport";

/** The words a child's network maps offer: the defaults, then the child's service's own. */
export function getCaseRelationshipLabels(caseId: string): Promise<string[]> {
  return requestJson(api.cases[":caseId"]["relationship-labels"].$get({ param: { caseId: segment(caseId) } }));
}

/** The defaults and the service's own (the service lead's). */
export function listRelationshipLabels(): Promise<ServiceRelationshipLabels> {
  return requestJson(api["relationship-labels"].$get());
}

export function addRelationshipLabel(label: string): Promise<ServiceRelationshipLabels> {
  return requestJson(api["relationship-labels"].$post({ json: { label } }));
}

export function renameRelationshipLabel(id: string, label: string): Promise<ServiceRelationshipLabels> {
  return requestJson(api["relationship-labels"][":id"].$patch({ param: { id: segment(id) }, json: { label } }));
}

/** To `position` in the service's own list, the first being 0. */
export function moveRelationshipLabel(id: string, position: number): Promise<ServiceRelationshipLabels> {
  return requestJson(api["relationship-labels"][":id"].position.$put({ param: { id: segment(id) }, json: { position } }));
}

export function removeRelationshipLabel(id: string): Promise<ServiceRelationshipLabels> {
  return requestJson(api["relationship-labels"][":id"].$delete({ param: { id: segment(id) } }));
}
