/**
 * What "Actions from the last meeting" says (ADR 0027), by who is reading: the people writing the
 * minutes are asked to confirm, update or close each action; others are told what they are
 * looking at; a parent or young person (at a review meeting) in everyday words. A CETR follow-up
 * goes through the CETR's actions instead, and says so. Gathered here so a person who writes
 * plain English can review them in one place.
 */
import { isFamilyRole, type Role } from "@roundtable/domain";

export interface CarriedActionWords {
  heading(childName: string): string;
  intro: string;
  none(childName: string): string;
  ownerLeft(ownerName: string): string;
}

export function carriedActionWords(role: Role, mayDecide: boolean, followsUpCetr = false): CarriedActionWords {
  if (followsUpCetr) return cetrFollowUpWords(role, mayDecide);
  const heading = (childName: string) => `Actions from the last meeting for ${childName}`;
  if (isFamilyRole(role)) {
    return {
      heading,
      intro: "Things people said they would do at earlier meetings that are not finished yet, and what this meeting decided about them.",
      none: () => "Everything agreed at earlier meetings is finished.",
      ownerLeft: (ownerName) => `${ownerName} is no longer on the team.`,
    };
  }
  return {
    heading,
    intro: mayDecide
      ? "These actions are still open from earlier meetings. For each one, confirm it is on track, update it or close it. Changes are made to the action itself, so My actions and the minutes it was agreed in show them too."
      : "These actions are still open from earlier meetings. The people writing the minutes confirm, update or close each one.",
    none: (childName) => `No actions were left open at ${childName}'s earlier meetings.`,
    ownerLeft: (ownerName) => (mayDecide ? `${ownerName} is no longer on the team: give it to someone else.` : `${ownerName} is no longer on the team.`),
  };
}

function cetrFollowUpWords(role: Role, mayDecide: boolean): CarriedActionWords {
  const heading = (childName: string) => `The CETR's actions for ${childName}`;
  if (isFamilyRole(role)) {
    return {
      heading,
      intro: "Things people agreed at the CETR to do that are not finished yet, and what this meeting decided about each one.",
      none: () => "Everything agreed at the CETR is finished.",
      ownerLeft: (ownerName) => `${ownerName} is no longer on the team.`,
    };
  }
  return {
    heading,
    intro: mayDecide
      ? "These actions were agreed at the CETR, or carried into it, and are not finished. Go through them one by one: confirm each is on track, update it or close it. Changes are made to the action itself, so the CETR, the ICB's dashboard and everyone's lists show them too."
      : "These actions were agreed at the CETR, or carried into it, and are not finished. The people writing the minutes go through them one by one.",
    none: () => "Every action of the CETR is finished.",
    ownerLeft: (ownerName) => (mayDecide ? `${ownerName} is no longer on the team: give it to someone else.` : `${ownerName} is no longer on the team.`),
  };
}
