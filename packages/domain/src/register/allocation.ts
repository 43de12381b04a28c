/**
 * Allocating a child on the register: their keyworker, optionally a second keyworker, and who
 * covers during an absence, for dated periods. Cover that has ended stays on record; what a
 * change of allocation replaces is the cover now and to come.
 */
import { z } from "zod";
import { isoDateSchema } from "../actions/action-api.js";
import { ukCalendarDate } from "../today.js";
import type { Role } from "../roles.js";
import type { KeyworkerConsentState } from "./keyworker-consent.js";

export const maxCoverEntries = 10;

const coverEntrySchema = z
  .object({
    personId: z.uuid("Choose who is covering"),
    from: isoDateSchema,
    to: isoDateSchema,
  })
  .refine((c) => c.to >= c.from, { path: ["to"], message: "The last day of cover must be the same as or after the first day" });
export type CoverEntry = z.infer<typeof coverEntrySchema>;

export const allocationBodySchema = z
  .object({
    keyworkerId: z.uuid("Choose a keyworker from the list"),
    secondKeyworkerId: z.uuid("Choose a second keyworker from the list").nullable().optional(),
    cover: z.array(coverEntrySchema).max(maxCoverEntries, `Record up to ${maxCoverEntries} periods of cover at once`).default([]),
  })
  .superRefine((body, ctx) => {
    if (body.secondKeyworkerId && body.secondKeyworkerId === body.keyworkerId) {
      ctx.addIssue({ code: "custom", path: ["secondKeyworkerId"], message: "The second keyworker must be someone other than the keyworker" });
    }
    body.cover.forEach((c, index) => {
      if (c.personId === body.keyworkerId) ctx.addIssue({ code: "custom", path: ["cover", index, "personId"], message: "Cover is someone other than the keyworker" });
    });
  });
export type AllocationBody = z.input<typeof allocationBodySchema>;
export type Allocation = z.output<typeof allocationBodySchema>;

/**
 * The role someone allocated to a child (keyworker, second keyworker, cover) holds on the team
 * when they were not on it: a senior keyworker keeps their seniority; anyone else in the
 * keyworking service keyworks. Either way they count as the child's own keyworker when named so.
 */
export function allocatedTeamRole(accountRole: Role): Role {
  return accountRole === "senior-keyworker" ? "senior-keyworker" : "keyworker";
}

/**
 * Cover that has already ended cannot be recorded as cover now or to come; the rest is checked
 * by the schema. Problems keyed as the schema's are ("cover.0.to"), for the form's fields.
 */
export function coverProblems(cover: readonly Pick<CoverEntry, "to">[], today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  cover.forEach((c, index) => {
    if (c.to < today) problems[`cover.${index}.to`] = `This cover ended on ${ukCalendarDate(c.to)}. Record cover for today or later`;
  });
  return problems;
}

export interface CoverPeriod {
  id: string;
  person: { id: string; name: string };
  from: string;
  to: string;
}

/** "Covering until Fri 12 Dec 2025" today, "Covering from … to …" ahead of time. */
export function coverWords(cover: Pick<CoverPeriod, "from" | "to">, today: string): string {
  if (cover.from <= today) return `Covering until ${ukCalendarDate(cover.to)}`;
  return cover.from === cover.to ? `Covering on ${ukCalendarDate(cover.from)}` : `Covering from ${ukCalendarDate(cover.from)} to ${ukCalendarDate(cover.to)}`;
}

/** Cover now and to come, soonest first: what the case page shows and a change of allocation replaces. */
export function coverFromToday<T extends Pick<CoverPeriod, "from" | "to">>(cover: readonly T[], today: string): T[] {
  return cover.filter((c) => c.to >= today).sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** GET /api/cases/:caseId/allocation: who keyworks the child, who covers, and what the child agreed to. */
export interface CaseAllocation {
  caseId: string;
  keyworker: { id: string; name: string } | null;
  secondKeyworker: { id: string; name: string } | null;
  /** Cover now and to come, soonest first. */
  cover: CoverPeriod[];
  keyworkerConsent: KeyworkerConsentState;
  /** Whether the reader may change it (mayAllocate), so the page offers "Change allocation" only then. */
  mayChange: boolean;
}

/** Someone in the keyworking service who can be allocated, with how many children they keyworker now. */
export interface KeyworkerChoice {
  id: string;
  name: string;
  jobTitle: string | null;
  /** Children they are keyworker or second keyworker for. */
  caseload: number;
}
