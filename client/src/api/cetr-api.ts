/** CETRs over HTTP (server/src/cetrs/cetr-routes.ts), typed by the server's routes as api.ts is. */
import type { Agency, MyCetr, TeamMember, AddPanelMemberRequest, PanelPlaceGiven, CetrCarriedAction, CetrCarriedDecisionBody, CetrCommand, CetrDetail, CetrPapers, CetrSummary, RequestCetrBody } from "@roundtable/domain";
import { api } from "./api";
import { requestJson, segment } from "./transport";

const cetr = (cetrId: string) => ({ param: { id: segment(cetrId) } });

export function requestCetr(caseId: string, body: RequestCetrBody): Promise<CetrSummary> {
  return requestJson(api.cases[":caseId"].cetrs.$post({ param: { caseId: segment(caseId) }, json: body }));
}

export function listCaseCetrs(caseId: string): Promise<CetrSummary[]> {
  return requestJson(api.cases[":caseId"].cetrs.$get({ param: { caseId: segment(caseId) } }));
}

export function getCetrPage(cetrId: string): Promise<CetrDetail> {
  return requestJson(api.cetrs[":id"].page.$get(cetr(cetrId)));
}

export function commandCetr(cetrId: string, command: CetrCommand): Promise<CetrDetail> {
  return requestJson(api.cetrs[":id"].commands.$post({ ...cetr(cetrId), json: command }));
}

/** A place on the panel, or for an email address with no account, an invitation to one (its link in `invited`). */
export function addPanelMember(cetrId: string, body: AddPanelMemberRequest): Promise<PanelPlaceGiven> {
  return requestJson(api.cetrs[":id"].panel.$post({ ...cetr(cetrId), json: body }));
}

/** Withdraw an invitation to a panel place still waiting: its link stops working and the place is free. The CETR's page as it now stands. */
export function withdrawPanelInvitation(cetrId: string, invitationId: string): Promise<CetrDetail> {
  return requestJson(api.cetrs[":id"].panel.invitations[":invitationId"].withdraw.$post({ param: { id: segment(cetrId), invitationId: segment(invitationId) } }));
}

export function getCetrPapers(cetrId: string): Promise<CetrPapers> {
  return requestJson(api.cetrs[":id"].papers.$get(cetr(cetrId)));
}

export function listCetrCarried(cetrId: string): Promise<CetrCarriedAction[]> {
  return requestJson(api.cetrs[":id"]["carried-actions"].$get(cetr(cetrId)));
}

export function decideCetrCarried(cetrId: string, actionId: string, body: CetrCarriedDecisionBody): Promise<CetrCarriedAction[]> {
  return requestJson(api.cetrs[":id"]["carried-actions"][":actionId"].$post({ param: { id: segment(cetrId), actionId: segment(actionId) }, json: body }));
}
/** Whom the report's actions can be given to: the professionals on the child's team, and the service's agencies. */
export function listCetrOwners(cetrId: string): Promise<{ team: TeamMember[]; agencies: Agency[] }> {
  return requestJson(api.cetrs[":id"].owners.$get(cetr(cetrId)));
}

/** "CETRs for you": the panel places and, for an ICB lead, the CETRs still to arrange, hold or agree. */
export function listMyCetrs(): Promise<MyCetr[]> {
  return requestJson(api.cetrs.$get());
}

/** The report as a PDF with its actions table: as agreed once it is, otherwise the draft as it stands. A download link. */
export function cetrPdfAddress(cetrId: string): string {
  return api.cetrs[":id"].pdf.$path(cetr(cetrId));
}
