/**
 * Meetings: tracker meetings (several children from the register in one sitting), planning and
 * review meetings for one child, professionals-only meetings, and CETR follow-up meetings that
 * review one CETR's actions (a CETR itself is a record of its own, ADR 0033). A meeting moves
 * scheduled → in progress → ended → minutes agreed, and never backwards.
 */
import { z } from "zod";
import { textField } from "../text.js";
import type { RecordedRagRating } from "../rag-rating.js";
import type { Role } from "../roles.js";

export const meetingTypes = ["tracker", "planning", "review", "professionals", "cetr", "cetr-follow-up"] as const;
export const meetingTypeSchema = z.enum(meetingTypes);
export type MeetingType = z.infer<typeof meetingTypeSchema>;

/** The types a meeting is booked as: "cetr" stays only so meetings booked before CETRs were records still read. */
export const bookableMeetingTypes = meetingTypes.filter((t) => t !== "cetr");

export const meetingTypeLabels: Record<MeetingType, string> = {
  tracker: "Tracker meeting",
  planning: "Planning meeting",
  review: "Review meeting",
  professionals: "Professionals meeting",
  cetr: "CETR",
  "cetr-follow-up": "CETR follow-up",
};

export const meetingStatuses = ["scheduled", "in-progress", "ended", "minutes-agreed"] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const meetingStatusLabels: Record<MeetingStatus, string> = {
  scheduled: "Booked",
  "in-progress": "Happening now",
  ended: "Ended — minutes to agree",
  "minutes-agreed": "Minutes agreed",
};

export const meetingCommands = ["start", "end", "agree-minutes"] as const;
export type MeetingCommand = (typeof meetingCommands)[number];

const transitions: Record<MeetingCommand, { from: MeetingStatus; to: MeetingStatus }> = {
  start: { from: "scheduled", to: "in-progress" },
  end: { from: "in-progress", to: "ended" },
  "agree-minutes": { from: "ended", to: "minutes-agreed" },
};

/** The status after a command, or a plain-English reason it cannot happen now. */
export function applyMeetingCommand(status: MeetingStatus, command: MeetingCommand): { ok: true; status: MeetingStatus } | { ok: false; reason: string } {
  const t = transitions[command];
  if (t.from === status) return { ok: true, status: t.to };
  const what = { start: "started", end: "ended", "agree-minutes": "have its minutes agreed" }[command];
  return { ok: false, reason: `This meeting cannot be ${what} now: it is "${meetingStatusLabels[status]}".` };
}

export const attendanceValues = ["invited", "present", "apologies", "written-contribution"] as const;
export type Attendance = (typeof attendanceValues)[number];
export const attendanceSchema = z.enum(attendanceValues);

export const attendanceLabels: Record<Attendance, string> = {
  invited: "Invited",
  present: "Present",
  apologies: "Sent apologies",
  "written-contribution": "Sent a written contribution",
};

/** Who may see a meeting at all: professionals meetings are never shown to family accounts. */
export type MeetingVisibility = "family" | "professionals";

export function meetingVisibilityFor(type: MeetingType, asked: MeetingVisibility | undefined): MeetingVisibility {
  if (type === "professionals" || type === "tracker") return "professionals";
  return asked ?? "family";
}

/**
 * A meeting's online link: http(s) only, because it is shown to everyone invited as a link, and
 * a javascript: or data: link would run in their browser when clicked. The booking form checks
 * it with this same schema.
 */
export const onlineLinkSchema = textField()
  .trim()
  .max(2000, "Keep the online link under 2,000 characters")
  // The URL parser would quietly drop a line break inside a link; it is refused instead.
  .refine((link) => !/[\s\p{Cc}]/u.test(link), "A web address has no spaces or line breaks in it")
  .pipe(z.url({ protocol: /^https?$/, error: "Enter the online link as a web address, starting https://" }));

export const createMeetingBodySchema = z
  .object({
    type: meetingTypeSchema,
    title: textField().trim().max(200, "Keep the title under 200 characters").optional(),
    startsAt: z.iso.datetime({ offset: true, error: "Give the date and time, like 2026-12-03T10:00:00Z" }),
    location: textField().trim().max(300).optional(),
    onlineLink: onlineLinkSchema.optional(),
    caseId: z.uuid("Choose a case").optional(),
    caseIds: z.array(z.uuid()).max(60, "A tracker meeting can review up to 60 cases").optional(),
    inviteeIds: z.array(z.uuid()).max(100).default([]),
    visibility: z.enum(["family", "professionals"]).optional(),
    /** The CETR a CETR follow-up follows up: one of the child's, held or agreed, that the booker may open. */
    cetrId: z.uuid("Choose the CETR this meeting follows up").optional(),
  })
  .superRefine((b, ctx) => {
    if (b.type === "tracker" && (!b.caseIds || b.caseIds.length === 0)) {
      ctx.addIssue({ code: "custom", path: ["caseIds"], message: "Choose at least one case to review" });
    }
    // A CETR is its own record now (ADR 0033): requested from the child's page, arranged by the ICB.
    if (b.type === "cetr") ctx.addIssue({ code: "custom", path: ["type"], message: "A CETR is not booked as a meeting: request one from the child's page, and the ICB arranges it" });
    if (b.type !== "tracker" && !b.caseId) ctx.addIssue({ code: "custom", path: ["caseId"], message: "Choose the case this meeting is about" });
    if (b.type === "cetr-follow-up" && !b.cetrId) ctx.addIssue({ code: "custom", path: ["cetrId"], message: "Choose the CETR this meeting follows up" });
    if (b.type !== "cetr-follow-up" && b.cetrId) ctx.addIssue({ code: "custom", path: ["cetrId"], message: "Only a CETR follow-up meeting follows up a CETR" });
  });
export type CreateMeetingBody = z.infer<typeof createMeetingBodySchema>;

export const meetingCommandBodySchema = z.object({ command: z.enum(meetingCommands) });

export const attendanceBodySchema = z.object({ personId: z.uuid(), attendance: attendanceSchema });

export const contributionBodySchema = z.object({
  text: textField({ error: "Write your contribution" }).trim().min(1, "Write your contribution").max(10_000, "Keep it under 10,000 characters"),
  caseId: z.uuid().optional(),
});

export interface MeetingInvitee {
  personId: string;
  name: string;
  role: Role;
  agency: string | null;
  attendance: Attendance;
}

export interface MeetingContribution {
  id: string;
  personId: string;
  name: string;
  caseId: string | null;
  text: string;
  createdAt: string;
}

export interface Meeting {
  id: string;
  type: MeetingType;
  title: string;
  startsAt: string;
  location: string | null;
  onlineLink: string | null;
  status: MeetingStatus;
  visibility: MeetingVisibility;
  chair: { id: string; name: string };
  /** The case a one-child meeting is about; null for a tracker meeting. */
  caseId: string | null;
  /** For a tracker meeting, the cases reviewed, in order; for others, the one case. */
  /** Each child's RAG rating is null for the family and the young person (`seesRiskRating`). */
  cases: { id: string; name: string; ragRating: RecordedRagRating | null }[];
  /**
   * Children of a tracker meeting whose sections are withheld from this person (their names are
   * not in `cases`): a person invited for one child sees only that child's section (ADR 0017).
   */
  withheldCases: number;
  invitees: MeetingInvitee[];
  /**
   * The meeting's own minutes (for a tracker meeting with a section per child, its general
   * business: the agenda and any other business); null when this person may open only some
   * children's sections.
   */
  minutesDocumentId: string | null;
  /** A tracker meeting's minutes for each child this person may open, in the meeting's order. */
  caseMinutes: { caseId: string; documentId: string }[];
  /** The agenda item the chair is on, shared live. */
  currentAgendaItem: number | null;
  /** The CETR a CETR follow-up meeting follows up, when the reader may open it. */
  followsUpCetr: { id: string; heldOn: string | null; requestedAt: string } | null;
}

/** How many other children's sections of a tracker meeting are withheld from this person, without naming them (ADR 0017). */
export function withheldSectionsWords(count: number): string {
  return count === 1 ? "1 other child's section, which is not shared with you" : `${count} other children's sections, which are not shared with you`;
}
