/** Referrals and allocation over HTTP (server/src/register/referral-routes.ts), typed by the server's routes as api.ts is. */
import type { AllocationBody, CaseAllocation, KeyworkerChoice, RagLevel, Referral, ReferralBody, ReferralDecisionBody, ReferralListQuery } from "@roundtable/domain";
import { api } from "./api";
import { requestJson, segment } from "./transport";

export function makeReferral(body: ReferralBody): Promise<Referral> {
  return requestJson(api.referrals.$post({ json: body }));
}

export function listReferrals(query: ReferralListQuery = {}): Promise<Referral[]> {
  return requestJson(api.referrals.$get({ query }));
}

export function decideReferral(referralId: string, body: ReferralDecisionBody): Promise<Referral> {
  return requestJson(api.referrals[":id"].decision.$post({ param: { id: segment(referralId) }, json: body }));
}

export function listKeyworkerChoices(): Promise<KeyworkerChoice[]> {
  return requestJson(api.referrals.keyworkers.$get());
}

export function getTriageRagLevels(): Promise<RagLevel[]> {
  return requestJson(api.referrals["rag-levels"].$get());
}

export function getAllocation(caseId: string): Promise<CaseAllocation> {
  return requestJson(api.cases[":caseId"].allocation.$get({ param: { caseId: segment(caseId) } }));
}

export function changeAllocation(caseId: string, body: AllocationBody): Promise<CaseAllocation> {
  return requestJson(api.cases[":caseId"].allocation.$put({ param: { caseId: segment(caseId) }, json: body }));
}
