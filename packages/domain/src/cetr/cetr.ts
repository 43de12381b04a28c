/**
 * Care, Education and Treatment Reviews (CETRs): requested by a keyworker for a child on the
 * register, arranged by the ICB lead, held by a panel, and agreed as a report whose
 * recommendations are tracked actions. A CETR moves requested → arranged → held → agreed, and
 * never backwards (or is withdrawn before it is held).
 */
import { z } from "zod";
import { isoDateSchema } from "../actions/action-api.js";
import { invitedEmailSchema, invitedNameSchema } from "../invitations.js";
import { textField } from "../text.js";
import { ukCalendarDate, ukDayOf } from "../today.js";

export const cetrSettings = ["community", "inpatient"] as const;
export type CetrSetting = (typeof cetrSettings)[number];
export const cetrSettingLabels: Record<CetrSetting, string> = {
  community: "Community CETR (the child is at home or in the community)",
  inpatient: "Inpatient CETR (the child is in hospital)",
};

export const cetrStatuses = ["requested", "arranged", "held", "agreed", "withdrawn"] as const;
export type CetrStatus = (typeof cetrStatuses)[number];
export const cetrStatusLabels: Record<CetrStatus, string> = {
  requested: "Requested — waiting for the ICB to arrange it",
  arranged: "Arranged",
  held: "Held — report to agree",
  agreed: "Report agreed",
  withdrawn: "Withdrawn",
};

/** A panel place: scoped to one CETR, not a place on the child's whole team. Ends when the report is agreed. */
export const panelPlaces = ["independent-chair", "clinical-expert", "expert-by-experience"] as const;
export type PanelPlace = (typeof panelPlaces)[number];
export const panelPlaceLabels: Record<PanelPlace, string> = {
  "independent-chair": "Independent chair",
  "clinical-expert": "Clinical expert",
  "expert-by-experience": "Expert by experience",
};

export const cetrReasonMaxLength = 4000;

export const requestCetrBodySchema = z.object({
  reason: textField({ error: "Say why a CETR is needed now" })
    .trim()
    .min(1, "Say why a CETR is needed now")
    .max(cetrReasonMaxLength, `Keep the reason under ${cetrReasonMaxLength} characters`),
  setting: z.enum(cetrSettings, { error: "Choose community or inpatient" }),
});
export type RequestCetrBody = z.infer<typeof requestCetrBodySchema>;

export const cetrCommandSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("arrange"), heldOn: isoDateSchema, chairId: z.uuid("Choose who will chair it") }),
  z.object({ type: z.literal("hold") }),
  z.object({ type: z.literal("agree-report") }),
  z.object({ type: z.literal("withdraw"), reason: textField().trim().min(1, "Say why it is withdrawn").max(cetrReasonMaxLength) }),
]);
export type CetrCommand = z.infer<typeof cetrCommandSchema>;

const transitions: Record<CetrCommand["type"], { from: readonly CetrStatus[]; to: CetrStatus }> = {
  // Arranging again while arranged moves the date or changes the chair.
  arrange: { from: ["requested", "arranged"], to: "arranged" },
  hold: { from: ["arranged"], to: "held" },
  "agree-report": { from: ["held"], to: "agreed" },
  withdraw: { from: ["requested", "arranged"], to: "withdrawn" },
};

/** The status after a command, or a plain-English reason it cannot happen now. */
export function applyCetrCommand(status: CetrStatus, command: CetrCommand["type"]): { ok: true; status: CetrStatus } | { ok: false; reason: string } {
  const t = transitions[command];
  if (t.from.includes(status)) return { ok: true, status: t.to };
  const what = { arrange: "arranged", hold: "marked as held", "agree-report": "have its report agreed", withdraw: "withdrawn" }[command];
  return { ok: false, reason: `This CETR cannot be ${what} now: it is "${cetrStatusLabels[status]}".` };
}

/** What GET /api/cetrs/:id answers (the stable contract; pages read more from /api/cetrs/:id/page). */
export interface CetrSummary {
  id: string;
  caseId: string;
  status: CetrStatus;
  documentId: string;
  heldOn: string | null;
  /** The ids of actions of earlier CETRs carried into this one. */
  carriedOver: string[];
}

/**
 * Which CETR, in words people use: "the CETR on Thu 14 Jan 2027", or before it has a date, "the
 * CETR requested Tue 1 Dec 2026". Where an action was agreed, say.
 */
export function cetrByDate(c: { heldOn: string | null; requestedAt: string | Date }): string {
  if (c.heldOn) return `the CETR on ${ukCalendarDate(c.heldOn)}`;
  return `the CETR requested ${ukDayOf(new Date(c.requestedAt))}`;
}

/** The key lines of enquiry, the CETR document's sections, in order. */
export const keyLinesOfEnquiry = [
  "Am I safe?",
  "What is my current care like?",
  "What is my daily life like?",
  "Are my physical health needs met?",
  "Is there a plan for my future?",
  "Do I need to be in hospital?",
] as const;

/** Why the panel may not see the papers, in words; null when they may. */
export type PapersWithheld = null | { reason: string };

/** The papers pack: what the panel reads before the CETR. */
export interface CetrPapers {
  withheld: PapersWithheld;
  /** Empty when withheld: the care plan, the previous CETR report and the last three meetings' minutes. */
  items: { kind: "care-plan" | "previous-cetr" | "minutes"; title: string; documentId: string; date: string | null }[];
}

export interface PanelMember {
  personId: string;
  name: string;
  place: PanelPlace;
  /** Set once the report is agreed: the place has ended. */
  endedAt: string | null;
}

/** A CETR as its page shows it to someone who may open it. */
export interface CetrDetail extends CetrSummary {
  caseName: string;
  setting: CetrSetting;
  reason: string;
  requestedBy: { id: string; name: string } | null;
  requestedAt: string;
  chair: { id: string; name: string } | null;
  easyReadDocumentId: string | null;
  reportDueOn: string | null;
  agreedAt: string | null;
  panel: PanelMember[];
  /** Invited to a place on the panel and not yet accepted (for the ICB lead; empty for others, and once the CETR is finished). */
  panelInvitations: PanelInvitation[];
  /** What this reader may do here. */
  may: { arrange: boolean; edit: boolean; agree: boolean; hold: boolean; withdraw: boolean };
}

/** Someone invited to a place on the panel who has not accepted yet. */
export interface PanelInvitation {
  id: string;
  email: string;
  name: string | null;
  place: PanelPlace;
  expiresAt: string;
}

export const addPanelMemberBodySchema = z.object({
  /**
   * Their Roundtable account's email address (the panel is often from outside the service), or,
   * for someone without an account, where Roundtable sends them an invitation to the place.
   */
  email: invitedEmailSchema,
  place: z.enum(panelPlaces, { error: "Choose their place on the panel" }),
  /** Needed only when the email address has no account: the invitation is addressed to them by name. */
  name: invitedNameSchema,
});
export type AddPanelMemberBody = z.infer<typeof addPanelMemberBodySchema>;
/** What the client sends (before the server tidies it). */
export type AddPanelMemberRequest = z.input<typeof addPanelMemberBodySchema>;

/** The answer to giving a panel place: the CETR, and the invitation when one was sent instead. */
export interface PanelPlaceGiven extends CetrDetail {
  /**
   * Set when the email address had no account, so an invitation was sent. The link is shown once
   * to the ICB lead, as for a case invitation: email may not be configured, or may not arrive.
   */
  invited: (PanelInvitation & { link: string; emailed: boolean }) | null;
}

/** A CETR in someone's own list ("CETRs for you"): the panel's places, and the ICB lead's CETRs to arrange and hold. */
export interface MyCetr {
  id: string;
  caseId: string;
  caseName: string;
  status: CetrStatus;
  setting: CetrSetting;
  heldOn: string | null;
  requestedAt: string;
  /** Why it is in their list. */
  as: "panel" | "icb-lead";
  /** The panel place, for a panel member. */
  place: PanelPlace | null;
}
