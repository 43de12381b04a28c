/**
 * The Agency and Case filters' choices: the cases this person can see, and the agencies of the
 * service (every case offers the service's agencies, so one case's list is enough).
 */
import type { Agency, CaseSummary } from "@roundtable/domain";
import { getCase, listCases } from "../api/api";
import { useResource, type Resource } from "../api/use-resource";

export interface FilterChoices {
  cases: CaseSummary[];
  agencies: Agency[];
}

async function loadFilterChoices(): Promise<FilterChoices> {
  const cases = await listCases();
  const first = cases[0];
  const agencies = first ? (await getCase(first.id)).agencies : [];
  return { cases, agencies };
}

export function useFilterChoices(): Resource<FilterChoices> {
  return useResource(loadFilterChoices, "overdue-filter-choices");
}
