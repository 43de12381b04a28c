/**
 * The shapes that cross the HTTP boundary: request bodies are validated with these on the
 * server, and the client reads responses through the same types.
 */
import { z } from "zod";
import type { ParentsSharingDecision } from "./parents-sharing.js";
import { textField } from "./text.js";
import { documentKindSchema, visibilitySchema, type AccessLevel, type DocumentKind, type Visibility } from "./documents.js";
import type { RecordedRagRating } from "./rag-rating.js";
import type { Role } from "./roles.js";
import type { LinkedYoungPerson } from "./team.js";

export const loginBodySchema = z.object({
  email: textField({ error: "Enter your email address" })
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter an email address in the right format, like name@example.org")),
  password: textField({ error: "Enter your password" }).min(1, "Enter your password").max(200, "That password is too long"),
  /** The code from an authenticator app, for accounts with two-step sign-in on. */
  code: textField()
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app")
    .optional(),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const uuidSchema = z.uuid("That is not a valid id");

/** True for a well-formed id, e.g. before it is looked up in the database or put in a query. */
export function isUuid(value: unknown): value is string {
  return uuidSchema.safeParse(value).success;
}

export const createDocumentBodySchema = z.object({
  // Minutes come with their meeting, and the family's and the young person's parts with their care plan.
  kind: documentKindSchema.exclude(["minutes", "family-views", "young-person-views"], { error: "Choose a kind of document you can add to a case" }),
  title: textField({ error: "Give the document a title" }).trim().min(1, "Give the document a title").max(200, "Keep the title under 200 characters"),
  visibility: visibilitySchema.default("family"),
});
export type CreateDocumentBody = z.infer<typeof createDocumentBodySchema>;

export interface Me {
  id: string;
  name: string;
  email: string;
  role: Role;
  agency: string | null;
  colour: string;
}

export interface CaseSummary {
  id: string;
  name: string;
  /** Null for the family and the young person, who are never sent it (`seesRiskRating`). */
  ragRating: RecordedRagRating | null;
  keyworker: { id: string; name: string } | null;
  nextMeetingAt: string | null;
}

export interface TeamMember {
  personId: string;
  name: string;
  role: Role;
  /** What they do, in their own agency's words: "SENCO", "Jamie's mum". */
  jobTitle: string | null;
  agency: string | null;
  /**
   * Whether this child's family has agreed to share information with their agency (always true
   * for people who need no such consent): the booking form asks the meeting rule with it.
   */
  sharingConsented: boolean;
  /**
   * How the team reaches them: for staff and professionals. Null for the family, whose own
   * details stay with the keyworker (need to know).
   */
  contact: TeamContact | null;
}

export interface TeamContact {
  email: string;
  phone: string | null;
  /** In their own words: "Monday to Thursday, 9am to 5pm". */
  workingHours: string | null;
}

export interface DocumentSummary {
  id: string;
  kind: DocumentKind;
  title: string;
  visibility: Visibility;
}

export interface Agency {
  id: string;
  name: string;
}

export interface CaseDetail extends CaseSummary {
  team: TeamMember[];
  /** The child's own account, when one is linked: only its young-person role counts (ADR 0012). */
  youngPerson: LinkedYoungPerson | null;
  documents: DocumentSummary[];
  /** Agencies an action can be given to when no person is named yet. */
  agencies: Agency[];
  /**
   * The young person's own say in what their parents see (ADR 0026): sent to the people who run
   * the case and to the young person themselves; null for everyone else, parents included.
   */
  parentsSharing: ParentsSharing | null;
}

export interface ParentsSharing {
  /** Their age today, or null when no date of birth is recorded. */
  age: number | null;
  /** Whether their own decision decides at this age (16 and over). */
  decides: boolean;
  decision: ParentsSharingDecision;
  /** When that decision was recorded (or consent withdrawn), ISO; null when none is recorded. */
  decidedAt: string | null;
  /** Whether the parents or carers on the team can open the child's records now. */
  parentsMayOpen: boolean;
}

export interface DocumentDetail extends DocumentSummary {
  /** The case it is about; null for a tracker meeting's minutes, which cover several cases. */
  caseId: string | null;
  caseName: string | null;
  /** Set for minutes. */
  meetingId: string | null;
  meetingTitle: string | null;
  access: AccessLevel;
  /** The larger document this is a part of (the care plan, for the family's own part). */
  partOf: { id: string; title: string } | null;
  /** Its parts that the person may open, e.g. a care plan's "What my family says". */
  parts: (DocumentSummary & { access: AccessLevel })[];
}

/** Every error the API sends has this shape. `details` maps a field to its message. */
export interface ApiError {
  error: string;
  details?: Record<string, string>;
}

/** A person's own phone and working hours, as the team sees them on a case's team page. */
export const contactDetailsBodySchema = z.object({
  phone: textField({ error: "Enter a phone number, or leave it blank" })
    .trim()
    .max(40, "Keep the phone number under 40 characters")
    .regex(/^[0-9+() -]*$/, "Enter a phone number using digits, spaces and + ( ) - only"),
  workingHours: textField({ error: "Enter your working hours, or leave them blank" }).trim().max(200, "Keep your working hours under 200 characters"),
});
export type ContactDetailsBody = z.infer<typeof contactDetailsBodySchema>;
