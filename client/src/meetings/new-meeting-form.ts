/**
 * The booking form's rules: what must be filled in (the same rules the server applies, said
 * before sending), the request it becomes, and the server's answer read back onto the fields.
 */
import {
  inviteeRefusal,
  inviteeSees,
  meetingVisibilityFor,
  onlineLinkSchema,
  teamRoleThatCounts,
  type CaseDetail,
  type CreateMeetingBody,
  type LinkedYoungPerson,
  type TeamMember,
} from "@roundtable/domain";
import { formErrorsFromServer, formErrorsIfAny, type FieldMessages, type FormErrors, type FormLayout } from "../auth/form-errors";
import { isProfessionalsOnly } from "./meeting-permissions";
import { ukTimeToIso } from "../layout/uk-time";

export const bookableTypes = ["planning", "review", "professionals", "tracker", "cetr-follow-up"] as const;
export type BookableType = (typeof bookableTypes)[number];

export interface MeetingForm {
  type: BookableType | "";
  title: string;
  date: string;
  time: string;
  location: string;
  onlineLink: string;
  /** The one case, for every type but tracker. */
  caseId: string;
  /** The cases a tracker meeting reviews. */
  caseIds: readonly string[];
  /** The CETR a CETR follow-up follows up. */
  cetrId: string;
  inviteeIds: readonly string[];
}

/** Each field's id on the page, which is also how the error summary links to it. */
export const meetingFields = ["type", "title", "date", "time", "location", "onlineLink", "caseId", "caseIds", "cetrId", "inviteeIds"] as const;
export type MeetingField = (typeof meetingFields)[number];

export type MeetingFormErrors = FormErrors<MeetingField>;
const meetingForm: FormLayout<MeetingField> = { fields: meetingFields };

export function checkMeetingForm(form: MeetingForm): MeetingFormErrors | null {
  const fields: FieldMessages<MeetingField> = {};
  if (form.type === "") fields.type = "Choose the type of meeting";
  if (form.title.trim().length > 200) fields.title = "Keep the title under 200 characters";
  if (form.date === "") fields.date = "Enter the date of the meeting";
  if (form.time === "") fields.time = "Enter the time the meeting starts";
  else if (form.date !== "" && ukTimeToIso(form.date, form.time) === null) fields.date = "Enter a real date and time";
  if (form.location.trim().length > 300) fields.location = "Keep the place under 300 characters";
  const link = form.onlineLink.trim();
  // The server's own rule (http or https only), so the two never disagree.
  if (link !== "") {
    const checked = onlineLinkSchema.safeParse(link);
    if (!checked.success) fields.onlineLink = checked.error.issues[0]?.message ?? "Enter the online link as a web address, starting https://";
  }
  if (form.type === "tracker" && form.caseIds.length === 0) fields.caseIds = "Choose at least one case to review";
  if (form.type !== "tracker" && form.type !== "" && form.caseId === "") fields.caseId = "Choose the case this meeting is about";
  if (form.type === "cetr-follow-up" && form.caseId !== "" && form.cetrId === "") fields.cetrId = "Choose the CETR this meeting follows up";
  return formErrorsIfAny(meetingForm, fields);
}

/**
 * The request to book the meeting. Only people still offered are invited: someone ticked
 * before the type changed to a professionals meeting, or before their case was unticked, is not.
 */
export function meetingBody(form: MeetingForm, offeredInviteeIds: ReadonlySet<string>): CreateMeetingBody {
  const type = form.type as BookableType;
  const startsAt = ukTimeToIso(form.date, form.time);
  if (!startsAt) throw new Error("Check the form before building the request");
  const optional = (value: string) => (value.trim() === "" ? undefined : value.trim());
  return {
    type,
    title: optional(form.title),
    startsAt,
    location: optional(form.location),
    onlineLink: optional(form.onlineLink),
    ...(type === "tracker" ? { caseIds: [...form.caseIds] } : { caseId: form.caseId }),
    ...(type === "cetr-follow-up" ? { cetrId: form.cetrId } : {}),
    inviteeIds: form.inviteeIds.filter((id) => offeredInviteeIds.has(id)),
    ...(isProfessionalsOnly(type) ? { visibility: "professionals" as const } : {}),
  };
}

/** A chosen child, as much as deciding who is offered needs. */
export interface OfferingCase extends Pick<CaseDetail, "name" | "parentsSharing"> {
  team: readonly Pick<TeamMember, "personId" | "role" | "sharingConsented">[];
  youngPerson: Pick<LinkedYoungPerson, "personId"> | null;
}

/** A person the booking form offers, and which of the chosen children's sections they will open. */
export type Offered<T> = T & { sees: readonly string[] };

/**
 * The people who can be invited, by the server's own rule (`inviteeRefusal`, asked with the facts
 * about each chosen child): everyone offered will open at least one child's part of the meeting —
 * never a family member to a professionals or tracker meeting, never someone whose agency no
 * chosen child's family shares with, never someone whose place on the team does not count
 * (`teamRoleThatCounts`: a parent the young person's decision keeps out, ADR 0026, or a young
 * person's account not linked as the child's own). `sees` names the children whose sections they
 * will open.
 */
export function inviteesOffered<T extends Pick<TeamMember, "personId" | "role">>(
  type: BookableType | "",
  people: readonly T[],
  cases: readonly OfferingCase[],
): Offered<T>[] {
  const names = cases.map((c) => c.name);
  if (type === "") return people.map((p) => ({ ...p, sees: names }));
  const visibility = meetingVisibilityFor(type, undefined);
  return people.flatMap((p) => {
    const facts = cases.map((c) => {
      const member = c.team.find((m) => m.personId === p.personId);
      const caseRole = teamRoleThatCounts(member?.role ?? null, {
        isTheLinkedYoungPerson: c.youngPerson?.personId === p.personId,
        // Told only to those who run the case; to anyone else the server lists no parent it keeps out.
        parentsMayOpen: c.parentsSharing?.parentsMayOpen ?? true,
      });
      return { caseRole, sharingConsented: member?.sharingConsented ?? false };
    });
    if (inviteeRefusal({ visibility, accountRole: p.role, cases: facts }) !== null) return [];
    const sees = inviteeSees({ visibility, accountRole: p.role, cases: facts });
    return [{ ...p, sees: names.filter((_, i) => sees[i]) }];
  });
}

/** What the booking form says under a person who will see only some of a tracker meeting's children. */
export function seesOnlyWords(sees: readonly string[], chosen: number): string | null {
  if (sees.length === chosen || sees.length === 0) return null;
  if (sees.length === 1) return `Will see ${sees[0]!}'s section only`;
  return `Will see only the sections for ${sees.slice(0, -1).join(", ")} and ${sees.at(-1)!}`;
}

const serverFieldNames: Record<string, MeetingField> = {
  type: "type",
  title: "title",
  startsAt: "date",
  location: "location",
  onlineLink: "onlineLink",
  caseId: "caseId",
  caseIds: "caseIds",
  cetrId: "cetrId",
  inviteeIds: "inviteeIds",
};

export function meetingErrorsFromServer(error: unknown): MeetingFormErrors {
  // "caseIds.0" is about the cases chosen.
  return formErrorsFromServer(meetingForm, error, {
    fieldFor: (name) => serverFieldNames[name] ?? serverFieldNames[name.split(".")[0] ?? ""],
  });
}
