/**
 * What the case page loads before it shows anything: the case, and for those who see the RAG
 * rating its history and the service's levels. Loaded together, so the rating's section does
 * not arrive later and push the rest of the page down under someone's pointer.
 */
import { seesRiskRating, type CaseDetail, type RagChange, type RagLevel, type Role } from "@roundtable/domain";
import { getCase, getRagHistory, getRagLevels, type ApiRequestError } from "../api/api";
import { asApiError } from "../api/use-resource";

/** The rating's history and levels; or why they could not be had (the family has not agreed to share with the reader's agency, a fault). */
export type RagData = { status: "loaded"; history: RagChange[]; levels: RagLevel[] } | { status: "failed"; error: ApiRequestError };

export interface CasePageData {
  details: CaseDetail;
  /** Null for the family and the young person, who are never sent the rating (ADR 0025). */
  rag: RagData | null;
}

async function loadRag(caseId: string): Promise<RagData> {
  try {
    const [history, levels] = await Promise.all([getRagHistory(caseId), getRagLevels(caseId)]);
    return { status: "loaded", history, levels };
  } catch (error) {
    const failure = asApiError(error);
    // A signed-out session ends the page as any other answer would; anything else leaves the rest of the case to read.
    if (failure.isSessionEnded) throw failure;
    return { status: "failed", error: failure };
  }
}

export async function loadCasePage(caseId: string, role: Role): Promise<CasePageData> {
  const [details, rag] = await Promise.all([getCase(caseId), seesRiskRating(role) ? loadRag(caseId) : Promise.resolve(null)]);
  return { details, rag };
}
