/**
 * An action's history in plain words, newest first: "Mark Davies marked it Done (was In
 * progress)". The server keeps ids for owners; the names come from the case team, the action
 * itself and the people who made the changes, so a history still reads when someone has left.
 */
import { actionStatusLabels, type Action, type ActionEvent, type ActionStatus } from "@roundtable/domain";
import { ukMoment } from "../layout/uk-time";
import { formatDueDate } from "./action-dates";

/** Names for the ids an action's history holds. */
export interface HistoryNames {
  people: ReadonlyMap<string, string>;
  agencies: ReadonlyMap<string, string>;
}

export interface HistoryLine {
  key: string;
  /** The moment, as the server sent it, for a `<time>` element. */
  at: string;
  /** "25 Nov 2026, 19:40", in UK time. */
  when: string;
  words: string;
}

/** Where the action lives, for the words about it being added. */
export type HistoryPlace = Pick<Action, "meetingId" | "documentTitle">;

interface NameSources {
  team: readonly { personId: string; name: string }[];
  agencies: readonly { id: string; name: string }[];
  action: Pick<Action, "ownerId" | "ownerName" | "ownerAgencyId" | "ownerAgencyName">;
  events: readonly ActionEvent[];
}

/** Every name we know: the team and agencies first, then the current owner, then whoever made a change. */
export function historyNames({ team, agencies, action, events }: NameSources): HistoryNames {
  const people = new Map<string, string>();
  const agencyNames = new Map<string, string>();
  for (const event of events) if (event.by) people.set(event.by.id, event.by.name);
  if (action.ownerId && action.ownerName) people.set(action.ownerId, action.ownerName);
  if (action.ownerAgencyId && action.ownerAgencyName) agencyNames.set(action.ownerAgencyId, action.ownerAgencyName);
  for (const member of team) people.set(member.personId, member.name);
  for (const agency of agencies) agencyNames.set(agency.id, agency.name);
  return { people, agencies: agencyNames };
}

/** "25 Nov 2026, 19:40": always UK time, so everyone on a case sees the same moment. */
export function formatHistoryTime(iso: string): string {
  const m = ukMoment(iso);
  if (!m) return "Time not known";
  return `${m.day} ${m.monthShort} ${m.year}, ${m.time}`;
}

type Owner = { kind: "person"; id: string } | { kind: "agency"; id: string } | { kind: "none" };
type OwnerField = "ownerId" | "ownerAgencyId";
type OtherEvent = ActionEvent & { field: Exclude<ActionEvent["field"], OwnerField> };

/** One thing that happened; a change of owner is one step even when the server stores two fields. */
type Step =
  | { kind: "event"; event: OtherEvent; index: number }
  | { kind: "owner"; from: Owner; to: Owner; fields: OwnerField[]; by: ActionEvent["by"]; at: string; index: number };

function isOwnerEvent(event: ActionEvent): event is ActionEvent & { field: OwnerField } {
  return event.field === "ownerId" || event.field === "ownerAgencyId";
}

/** The history, newest first, one line per thing that happened. */
export function describeActionHistory(
  events: readonly ActionEvent[],
  names: HistoryNames,
  place: HistoryPlace,
): HistoryLine[] {
  const lines: HistoryLine[] = [];
  let removedBefore = false;
  for (const step of steps(events)) {
    const at = step.kind === "event" ? step.event.at : step.at;
    const words = step.kind === "owner" ? ownerWords(step, names) : eventWords(step.event, place, removedBefore);
    if (step.kind === "event" && step.event.field === "removed") removedBefore = true;
    lines.push({ key: String(step.index), at, when: formatHistoryTime(at), words });
  }
  return lines.reverse();
}

/**
 * Events in order, with the person and agency halves of one owner change joined: they are
 * saved together (same moment, same person), e.g. giving an agency's action to someone in it.
 */
function steps(events: readonly ActionEvent[]): Step[] {
  const result: Step[] = [];
  for (const [index, event] of events.entries()) {
    if (!isOwnerEvent(event)) {
      result.push({ kind: "event", event: event as OtherEvent, index });
      continue;
    }
    const previous = result.at(-1);
    const sameChange =
      previous?.kind === "owner" &&
      previous.at === event.at &&
      previous.by?.id === event.by?.id &&
      !previous.fields.includes(event.field);
    if (sameChange) {
      result[result.length - 1] = { ...previous, ...addHalf(previous, event), fields: [...previous.fields, event.field] };
    } else {
      const nobody: Owner = { kind: "none" };
      result.push({ kind: "owner", by: event.by, at: event.at, index, fields: [event.field], ...addHalf({ from: nobody, to: nobody }, event) });
    }
  }
  return result;
}

/** A named person says more than their agency, so the person half wins when both are set. */
function addHalf(change: { from: Owner; to: Owner }, event: ActionEvent & { field: OwnerField }): { from: Owner; to: Owner } {
  const pick = (current: Owner, id: string | null): Owner => {
    if (id === null) return current;
    if (event.field === "ownerId") return { kind: "person", id };
    return current.kind === "person" ? current : { kind: "agency", id };
  };
  return { from: pick(change.from, event.from), to: pick(change.to, event.to) };
}

function ownerText(owner: Owner, names: HistoryNames): string {
  if (owner.kind === "person") return names.people.get(owner.id) ?? "someone no longer on the team";
  if (owner.kind === "agency") return names.agencies.get(owner.id) ?? "an agency no longer on the case";
  return "no one";
}

function was(text: string | null): string {
  return text === null ? "" : ` (was ${text})`;
}

function ownerWords(step: Extract<Step, { kind: "owner" }>, names: HistoryNames): string {
  const from = step.from.kind === "none" ? null : ownerText(step.from, names);
  const who = step.by?.name ?? null;
  const { to } = step;
  if (to.kind === "none") {
    if (from === null) return who ? `${who} left it with no one` : "Left with no one";
    return who ? `${who} took it off ${from}` : `Taken off ${from}`;
  }
  if (who && to.kind === "person" && step.by?.id === to.id) return `${who} took it on${was(from)}`;
  const given = to.kind === "agency" ? `${ownerText(to, names)}, no one named yet` : ownerText(to, names);
  return who ? `${who} gave it to ${given}${was(from)}` : `Given to ${given}${was(from)}`;
}

function statusLabel(value: string): string {
  return actionStatusLabels[value as ActionStatus] ?? value;
}

function statusWords(who: string | null, from: string | null, to: string | null): string {
  const now = statusLabel(to ?? "open");
  const before = was(from === null ? null : statusLabel(from));
  return who ? `${who} marked it ${now}${before}` : `Marked ${now}${before}`;
}

function dueDateWords(who: string | null, from: string | null, to: string | null): string {
  const before = was(from === null ? null : formatDueDate(from));
  if (to === null) return who ? `${who} took the due date off${before}` : `Due date taken off${before}`;
  const date = formatDueDate(to);
  if (from === null) return who ? `${who} set the due date to ${date}` : `Due date set to ${date}`;
  return who ? `${who} moved the due date to ${date}${before}` : `Due date moved to ${date}${before}`;
}

function eventWords(event: OtherEvent, place: HistoryPlace, removedBefore: boolean): string {
  const who = event.by?.name ?? null;
  const by = who ? ` by ${who}` : "";
  switch (event.field) {
    case "created":
      // An action cut from its document and pasted back is "created" again: say what it was.
      if (removedBefore) return `Put back in its document${by}`;
      return place.meetingId ? `Agreed in the meeting and written in the minutes${by}` : `Added to ${place.documentTitle}${by}`;
    case "removed":
      return who ? `${who} removed it from its document` : "Removed from its document";
    case "status":
      return statusWords(who, event.from, event.to);
    case "dueDate":
      return dueDateWords(who, event.from, event.to);
    case "blockedReason":
      if (event.to === null) return who ? `${who} cleared what was holding it up` : "What was holding it up was cleared";
      return who ? `${who} said what is holding it up: “${event.to}”` : `Held up by: “${event.to}”`;
    case "text": {
      const text = event.to ? `“${event.to}”` : "nothing";
      return who ? `${who} changed the words to ${text}` : `Words changed to ${text}`;
    }
    case "reviewed":
      // A later meeting took it up (ADR 0027): its title says which, and when.
      return `Reviewed${by} at ${event.to ?? "a later meeting"}`;
    case "escalated": {
      // The level is kept in `from`, the note in `to`.
      const level = event.from === "2" ? "to the second level" : "to the owner's agency";
      const note = event.to ? `: “${event.to}”` : "";
      return who ? `${who} escalated it ${level} because it is overdue${note}` : `Escalated ${level} because it is overdue${note}`;
    }
  }
}
