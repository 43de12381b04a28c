/**
 * A change made from one of the map's forms (a relationship's words, a person's details): the
 * model's change under this person's origin, so their Undo takes it back, as one step of its own;
 * what the map cannot take is said, not thrown, so the form can say it where it is.
 */
import { MapChangeError } from "@roundtable/collab";
import type { NetworkMapHandle } from "./use-network-map";

/** Null when made; otherwise what to say: the model's words, or `whenGone` when what it changes is no longer on the map. */
export function changeOrSay(handle: Pick<NetworkMapHandle, "endStep">, change: () => boolean, whenGone: string): string | null {
  try {
    if (!change()) return whenGone;
  } catch (err) {
    if (err instanceof MapChangeError) return err.message;
    throw err;
  }
  handle.endStep();
  return null;
}
