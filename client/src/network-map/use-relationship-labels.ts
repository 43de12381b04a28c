/**
 * The words a map offers for a relationship: the defaults, then the child's service's own
 * (GET /api/cases/:caseId/relationship-labels). Read once where the map opens (NetworkMapEditor)
 * and given to the list and the drawn map through RelationshipLabelsContext. Until they arrive, or
 * if they cannot be read, or for a map of no child, the defaults: a map is never left with none.
 */
import { relationshipLabelsOffered } from "@roundtable/domain";
import { createContext, useContext } from "react";
import { getCaseRelationshipLabels } from "../api/relationship-label-api";
import { useResource } from "../api/use-resource";

const defaults = relationshipLabelsOffered([]);

export const RelationshipLabelsContext = createContext<readonly string[]>(defaults);

export function useCaseRelationshipLabels(caseId: string | null): readonly string[] {
  const words = useResource(() => (caseId ? getCaseRelationshipLabels(caseId) : Promise.resolve(defaults)), `relationship-labels:${caseId}`);
  return words.status === "loaded" ? words.data : defaults;
}

/** The words this map offers. */
export function useRelationshipLabels(): readonly string[] {
  return useContext(RelationshipLabelsContext);
}
