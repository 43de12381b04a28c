/**
 * The child's team and service's agencies a map's people may be linked to, read once where the
 * map opens (NetworkMapEditor: GET /api/cases/:caseId for the team as the reader sees it on the
 * case page, and /agencies) and given to the list and the drawn map through MapLinksContext.
 * Until they arrive, or if the reader may not read them, or for a map of no child, no links: each
 * person is shown as the map itself says.
 */
import type { Agency } from "@roundtable/domain";
import { createContext, useContext, useMemo } from "react";
import { getCase, getCaseAgencies } from "../api/api";
import { useResource } from "../api/use-resource";
import { mapLinksOf, noMapLinks, type MapLinks } from "./map-links";

export const MapLinksContext = createContext<MapLinks>(noMapLinks);

const noAgencies: readonly Agency[] = [];

export function useCaseMapLinks(caseId: string | null): MapLinks {
  const agencies = useResource(() => (caseId ? getCaseAgencies(caseId) : Promise.resolve(noAgencies)), `agencies:${caseId}`);
  const child = useResource(() => (caseId ? getCase(caseId) : Promise.resolve(null)), `case:${caseId}`);
  const agencyList = agencies.status === "loaded" ? agencies.data : noAgencies;
  const childRead = child.status === "loaded" ? child.data : null;
  // The same object until something read changes, so the drawn map redraws nothing meanwhile.
  return useMemo(() => mapLinksOf(childRead, agencyList), [childRead, agencyList]);
}

/** The team and agencies this map's people may be linked to. */
export function useMapLinks(): MapLinks {
  return useContext(MapLinksContext);
}
