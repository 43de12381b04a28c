/**
 * Loads a case's team and agencies for the action cards inside a document. A document that is
 * not about one case (minutes covering several) has no team to offer.
 */
import { useMemo, type ReactNode } from "react";
import { getCase } from "../api/api";
import { useResource } from "../api/use-resource";
import { CaseTeamContext, type CaseTeam } from "./case-team-context";

const noTeam: CaseTeam = { status: "unavailable" };

export function CaseTeamProvider({ caseId, children }: { caseId: string | null; children: ReactNode }) {
  if (caseId === null) return <CaseTeamContext.Provider value={noTeam}>{children}</CaseTeamContext.Provider>;
  return <LoadCaseTeam caseId={caseId}>{children}</LoadCaseTeam>;
}

function LoadCaseTeam({ caseId, children }: { caseId: string; children: ReactNode }) {
  const loaded = useResource(() => getCase(caseId), `case:${caseId}`);
  const value = useMemo<CaseTeam>(() => {
    if (loaded.status === "loading") return { status: "loading" };
    if (loaded.status === "failed") return noTeam;
    return { status: "loaded", team: loaded.data.team, agencies: loaded.data.agencies };
  }, [loaded]);
  return <CaseTeamContext.Provider value={value}>{children}</CaseTeamContext.Provider>;
}
