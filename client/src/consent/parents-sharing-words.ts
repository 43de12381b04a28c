/**
 * What a young person's own decision about their parents means, in plain words (ADR 0026): to
 * the young person, about themselves, and to the people who run their case. From 16 the decision
 * decides what parents or carers on the team can open; at 18 they open only with it.
 */
import { adultFromAge, decidesFromAge, parentsKeptOutReason, parentsMayOpen, type ConsentDecision, type ParentsSharing } from "@roundtable/domain";
import { formatUkDate } from "../layout/uk-time";

export interface ParentsSharingWords {
  heading: string;
  lines: string[];
}

/** To the young person: what their parents or carers can see, and how to change it. */
export function parentsSharingForYoungPerson(p: ParentsSharing): ParentsSharingWords {
  const heading = "What your parents or carers can see";
  const ownPage = "Your own page is only for you and your keyworker, whatever you decide.";
  if (!p.decides) {
    const told = p.decision === null ? [] : [`You told your keyworker ${p.decision === "given" ? "they can" : "you would rather they did not"}. This is written down, and counts from when you are ${decidesFromAge}.`];
    return { heading, lines: [`Your parents or carers can see your plan and the records your team keeps. When you are ${decidesFromAge}, you decide what they see.`, ...told, ownPage] };
  }
  const change = "You can change your mind at any time: tell your keyworker.";
  if (p.parentsMayOpen) {
    const why = p.decision === "given" ? "You have said they can." : "You have not said no.";
    return { heading, lines: [`Your parents or carers can see your plan and the records your team keeps. ${why}`, change, ownPage] };
  }
  const why = p.decision === "declined" ? "You have said they should not." : `You are ${adultFromAge} or over, and you have not said they can.`;
  return { heading, lines: [`Your parents or carers cannot see your plan or your records. ${why}`, change, ownPage] };
}

/** To the people who run the case: the rule at this age, and what holds now. */
export function parentsSharingForStaff(p: ParentsSharing, child: string): ParentsSharingWords {
  const heading = `What ${child} shares with their parents or carers`;
  const age = p.age === null ? "" : `${child} is ${p.age}: `;
  const rule = !p.decides
    ? `${age}until ${child} is ${decidesFromAge}, their parents or carers on the team open ${child}'s records whatever ${child} decides. A decision is kept on record, and counts from ${decidesFromAge}.`
    : p.age !== null && p.age >= adultFromAge
      ? `${age}their parents or carers on the team open ${child}'s records only if ${child} agrees.`
      : `${age}their parents or carers on the team open ${child}'s records unless ${child} says no.`;
  const decided = p.decision === "given" ? `${child} has agreed.` : p.decision === "declined" ? `${child} has said no.` : `No decision from ${child} is recorded.`;
  const now = p.parentsMayOpen ? "Their parents or carers can open the records now." : `Their parents or carers cannot open the records now, and are not told anything about ${child}, including who their keyworker is.`;
  return { heading, lines: [rule, `${decided} ${now}`] };
}

/** What recording this decision does, said after it is recorded. */
export function parentsSharingEffect(p: ParentsSharing | null, decision: ConsentDecision, child: string): string {
  if (!p?.decides) return `This is kept on ${child}'s record. It counts from when ${child} is ${decidesFromAge}.`;
  return parentsMayOpen({ age: p.age, decision })
    ? `${child}'s parents or carers on the team can open ${child}'s records.`
    : `${child}'s parents or carers on the team can no longer open ${child}'s records.`;
}

/**
 * What the team page says under a parent or carer the young person's decision keeps out: to the
 * young person about their own decision, to the people who run the case with its date. Null
 * while parents may open the records, and for anyone not told the decision (`sharing` null).
 */
export function parentKeptOutNote(sharing: ParentsSharing | null, child: string, toYoungPerson: boolean): string | null {
  if (!sharing || sharing.parentsMayOpen) return null;
  if (toYoungPerson) {
    return sharing.decision === "declined" ? "Cannot see your records: you have said they should not." : `Cannot see your records: you are ${adultFromAge} or over, and you have not said they can.`;
  }
  const when = sharing.decidedAt ? ` (recorded ${formatUkDate(sharing.decidedAt)})` : "";
  return `Cannot see ${child}'s records: ${parentsKeptOutReason(child, sharing)}${when}.`;
}

/**
 * Said to the people told the decision, on the booking form (who is not listed to invite) and the
 * invitation form (which role is not a choice): why the parents or carers are not offered.
 */
export function parentsNotOfferedWords(sharing: ParentsSharing | null, child: string, form: "meeting" | "team"): string | null {
  if (!sharing || sharing.parentsMayOpen) return null;
  const what = form === "meeting" ? `${child}'s parents or carers are not listed` : "You cannot invite a parent or carer";
  return `${what}: ${parentsKeptOutReason(child, sharing)}.`;
}
