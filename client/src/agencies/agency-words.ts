/** What the Agencies page says of each agency's escalation contact. */
import type { AgencyWithContact } from "@roundtable/domain";

/** "Told when its actions are escalated: Dr Ben Carter (Clinical psychologist, CAMHS)." */
export function contactSentence(agency: Pick<AgencyWithContact, "escalationContact">): string {
  const contact = agency.escalationContact;
  if (!contact) return "Nobody is named yet: when one of its actions is escalated, only the owner is told.";
  return `Told when its actions are escalated: ${contact.name}${contact.jobTitle ? ` (${contact.jobTitle})` : ""}.`;
}

/** Said to a screen reader once a choice is saved. */
export function savedSentence(agency: Pick<AgencyWithContact, "name" | "escalationContact">): string {
  return agency.escalationContact
    ? `Saved: ${agency.escalationContact.name} is ${agency.name}'s escalation contact.`
    : `Saved: ${agency.name} has no escalation contact named.`;
}
