/**
 * The people and agencies an action on this case can be given to. The care plan page loads
 * them once and every action card on the page reads them from here.
 */
import type { Agency, TeamMember } from "@roundtable/domain";
import { createContext, useContext } from "react";

export type CaseTeam =
  | { status: "loading" }
  | { status: "unavailable" }
  | { status: "loaded"; team: readonly TeamMember[]; agencies: readonly Agency[] };

export const CaseTeamContext = createContext<CaseTeam>({ status: "loading" });

export function useCaseTeam(): CaseTeam {
  return useContext(CaseTeamContext);
}
