/**
 * A person's communication needs, as the Accessible Information Standard asks services to record
 * and meet them: easy read, large print, an interpreter (which language), a preferred language,
 * and anything else in their own words. Recorded per person, because each member of a family
 * has their own (ADR 0023). Who may record and who sees them is in permissions.ts.
 */
import { z } from "zod";
import { textField } from "./text.js";

export const languageMaxLength = 60;
export const otherNeedsMaxLength = 300;

export interface CommunicationNeeds {
  easyRead: boolean;
  largePrint: boolean;
  /** The language an interpreter is needed for; null when none is needed. */
  interpreterLanguage: string | null;
  preferredLanguage: string | null;
  /** Anything else, in the person's own words. */
  other: string | null;
}

export const noCommunicationNeeds: CommunicationNeeds = { easyRead: false, largePrint: false, interpreterLanguage: null, preferredLanguage: null, other: null };

/** Optional text: blank means none. */
const optionalText = (what: string, max: number) =>
  textField()
    .trim()
    .max(max, `${what} can be at most ${max} characters`)
    .nullable()
    .transform((v) => (v ? v : null));

/** PUT …/communication-needs: all of them, each bounded; nothing else. */
export const communicationNeedsBodySchema = z
  .object({
    easyRead: z.boolean(),
    largePrint: z.boolean(),
    interpreterLanguage: optionalText("The interpreter's language", languageMaxLength),
    preferredLanguage: optionalText("The preferred language", languageMaxLength),
    other: optionalText("Other needs", otherNeedsMaxLength),
  })
  .strict();

export function hasCommunicationNeeds(needs: CommunicationNeeds | null | undefined): boolean {
  return !!needs && (needs.easyRead || needs.largePrint || !!needs.interpreterLanguage || !!needs.preferredLanguage || !!needs.other);
}

/** "Needs: interpreter (Polish), easy read"; null when none are recorded. */
export function communicationNeedsWords(needs: CommunicationNeeds | null | undefined): string | null {
  if (!needs || !hasCommunicationNeeds(needs)) return null;
  const parts = [
    needs.interpreterLanguage && `interpreter (${needs.interpreterLanguage})`,
    needs.preferredLanguage && `prefers ${needs.preferredLanguage}`,
    needs.easyRead && "easy read",
    needs.largePrint && "large print",
    needs.other,
  ].filter((p): p is string => !!p);
  return `Needs: ${parts.join(", ")}`;
}

/** The reading choice that follows a person to any device: the easy-read view on or off. */
export const readingPreferenceBodySchema = z.object({ easyRead: z.boolean() }).strict();
export interface ReadingPreference {
  easyRead: boolean;
}

/** One person's recorded needs, as the keyworker (team page) or the chair (meeting page) is shown them. */
export interface PersonCommunicationNeeds {
  personId: string;
  needs: CommunicationNeeds;
}
