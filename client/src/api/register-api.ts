/**
 * The register over HTTP — the RAG rating and its history, the register view, the service report
 * and the ICB lead's CETR actions — typed by the server's routes as api.ts is.
 */
import type { CetrActionChoices, CetrActionsOverview, CetrActionsOverviewQuery, RagChange, RagChangeBody, RagLevel, RegisterPage, RegisterQuery, ServiceReport } from "@roundtable/domain";
import { api } from "./api";
import { requestJson, segment } from "./transport";

const caseParam = (caseId: string) => ({ param: { caseId: segment(caseId) } });

/** The CETR follow-up dashboard: open CETR actions, their counts and figures (for ICB leads and keyworking staff). */
export function getCetrActionsOverview(query: CetrActionsOverviewQuery = {}): Promise<CetrActionsOverview> {
  return requestJson(api["cetr-actions"].overview.$get({ query }));
}

/** The dashboard's filter choices: the agencies, owners, children and CETRs, with their figures. */
export function getCetrActionChoices(): Promise<CetrActionChoices> {
  return requestJson(api["cetr-actions"].choices.$get());
}

/** A page of the service's register: its children with their ratings, CETRs and signals, filtered and ordered. */
export function getRegister(query: RegisterQuery): Promise<RegisterPage> {
  return requestJson(api.register.$get({ query }));
}

/** The same page of the register as a CSV file to download (the download is on each child's audit trail). */
export function registerCsvAddress(query: RegisterQuery): string {
  return api["register.csv"].$path({ query });
}

/** The service lead's report on their service. */
export function getServiceReport(): Promise<ServiceReport> {
  return requestJson(api.reports.service.$get());
}

/** Every change of the child's RAG rating, oldest first (professionals only). */
export function getRagHistory(caseId: string): Promise<RagChange[]> {
  return requestJson(api.cases[":caseId"]["rag-history"].$get(caseParam(caseId)));
}

/** The levels the child's service rates by, each with its criteria, most serious first. */
export function getRagLevels(caseId: string): Promise<RagLevel[]> {
  return requestJson(api.cases[":caseId"]["rag-levels"].$get(caseParam(caseId)));
}

export function changeRagRating(caseId: string, body: RagChangeBody): Promise<RagChange> {
  return requestJson(api.cases[":caseId"].rag.$post({ ...caseParam(caseId), json: body }));
}

