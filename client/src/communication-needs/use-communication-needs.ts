/**
 * Communication needs as words by person ("Needs: interpreter (Polish)"), fetched only for those
 * the rules show them to (seesCommunicationNeeds, ADR 0023): a meeting's chair, a child's keyworker.
 */
import { communicationNeedsWords, type PersonCommunicationNeeds } from "@roundtable/domain";
import { useResource } from "../api/use-resource";

const none = async (): Promise<PersonCommunicationNeeds[]> => [];

export function useNeedsWords(load: () => Promise<PersonCommunicationNeeds[]>, key: string, shown: boolean): ReadonlyMap<string, string> {
  const loaded = useResource(shown ? load : none, shown ? key : `${key}:not-shown`);
  const words = new Map<string, string>();
  if (loaded.status !== "loaded") return words;
  for (const { personId, needs } of loaded.data) {
    const said = communicationNeedsWords(needs);
    if (said) words.set(personId, said);
  }
  return words;
}
