/**
 * What the case page loads before it shows anything: the case, and for those who see the RAG
 * rating its history and the service's levels. Loaded together, so the rating's section does
 * not arrive later and push the rest of the page down under someone's pointer.
 */
import { seesRiskRating, type CaseAllocation, type CaseDetail, type RagChange, type RagLevel, type Role } from "@roundtable/domain";
import { getCase, type ApiRequestError } from "../api/api";
import { getRagHistory, getRagLevels } from "../api/register-api";
import { getAllocation } from "../api/referral-api";
import { asApiError } from "../api/use-resource";

/** The rating's history and levels; or why they could not be had (the family has not agreed to share with the reader's agency, a fault). */
export type RagData = { status: "loaded"; history: RagChange[]; levels: RagLevel[] } | { status: "failed"; error: ApiRequestError };

/** Who keyworks the child and their keyworker-consent state; or why it could not be had. */
export type AllocationData = { status: "loaded"; allocation: CaseAllocation } | { status: "failed"; error: ApiRequestError };

export interface CasePageData {
  details: CaseDetail;
  /** Null for the family and the young person, who are never sent the rating (ADR 0025). */
  rag: RagData | null;
  allocation: AllocationData;
}

/** A part of the page loaded beside the case: its failure is shown in its own section, except a signed-out session, which ends the page. */
async function loadPart<T, L>(load: () => Promise<T>, loaded: (data: T) => L): Promise<L | { status: "failed"; error: ApiRequestError }> {
  try {
    return loaded(await load());
  } catch (error) {
    const failure = asApiError(error);
    if (failure.isSessionEnded) throw failure;
    return { status: "failed", error: failure };
  }
}

const loadRag = (caseId: string): Promise<RagData> =>
  loadPart(
    () => Promise.all([getRagHistory(caseId), getRagLevels(caseId)]),
    ([history, levels]) => ({ status: "loaded" as const, history, levels }),
  );

const loadAllocation = (caseId: string): Promise<AllocationData> => loadPart(() => getAllocation(caseId), (allocation) => ({ status: "loaded" as const, allocation }));

export async function loadCasePage(caseId: string, role: Role): Promise<CasePageData> {
  const [details, rag, allocation] = await Promise.all([getCase(caseId), seesRiskRating(role) ? loadRag(caseId) : Promise.resolve(null), loadAllocation(caseId)]);
  return { details, rag, allocation };
}
