/**
 * Loads the team and agencies of the cases a document is about, for the action cards inside
 * it: one case for a care plan, every case a tracker meeting reviews for its minutes (everyone
 * on any of those teams, once). A document about no case has no team to offer. A document for
 * professionals only never offers family members, and no document offers a parent kept out by
 * the young person's decision: they could not see what they were given.
 */
import { isFamilyRole } from "@roundtable/domain";
import { useMemo, type ReactNode } from "react";
import { useCaseDetails } from "../cases/use-case-details";
import { CaseTeamContext, type CaseTeam } from "./case-team-context";
import { mergeTeams, teamThatCounts } from "./merge-teams";

const noTeam: CaseTeam = { status: "unavailable" };

interface CaseTeamProviderProps {
  caseIds: readonly string[];
  professionalsOnly?: boolean;
  children: ReactNode;
}

export function CaseTeamProvider({ caseIds, professionalsOnly = false, children }: CaseTeamProviderProps) {
  if (caseIds.length === 0) return <CaseTeamContext.Provider value={noTeam}>{children}</CaseTeamContext.Provider>;
  return (
    <LoadCaseTeams caseIds={caseIds} professionalsOnly={professionalsOnly}>
      {children}
    </LoadCaseTeams>
  );
}

function LoadCaseTeams({ caseIds, professionalsOnly, children }: Required<CaseTeamProviderProps>) {
  const { details, loading } = useCaseDetails(caseIds);
  const value = useMemo<CaseTeam>(() => {
    if (loading) return { status: "loading" };
    if (details.length === 0) return noTeam;
    const { team, agencies } = mergeTeams(details.map((c) => ({ ...c, team: teamThatCounts(c) })));
    return { status: "loaded", team: professionalsOnly ? team.filter((m) => !isFamilyRole(m.role)) : team, agencies };
  }, [details, loading, professionalsOnly]);
  return <CaseTeamContext.Provider value={value}>{children}</CaseTeamContext.Provider>;
}
