/** Who an action is with, in words, and how the owner choice is written in a select's value. */
import type { Agency, TeamMember } from "@roundtable/domain";

export interface OwnerAttributes {
  ownerId: string | null;
  ownerAgencyId: string | null;
}

/** "Sam Patel (SENCO)": the name, and what they do when that says more. */
export function memberLabel(member: Pick<TeamMember, "name" | "jobTitle">): string {
  return member.jobTitle ? `${member.name} (${member.jobTitle})` : member.name;
}

export function ownerChoice(owner: OwnerAttributes): string {
  if (owner.ownerId) return `person:${owner.ownerId}`;
  if (owner.ownerAgencyId) return `agency:${owner.ownerAgencyId}`;
  return "";
}

export function ownerFromChoice(choice: string): OwnerAttributes {
  if (choice.startsWith("person:")) return { ownerId: choice.slice("person:".length), ownerAgencyId: null };
  if (choice.startsWith("agency:")) return { ownerId: null, ownerAgencyId: choice.slice("agency:".length) };
  return { ownerId: null, ownerAgencyId: null };
}

/** The owner in words, from the case team (for the cards in a document). */
export function describeOwner(
  owner: OwnerAttributes,
  team: readonly TeamMember[] | null,
  agencies: readonly Agency[] | null,
): string {
  if (owner.ownerId) {
    if (!team) return "Someone on the case team";
    const member = team.find((m) => m.personId === owner.ownerId);
    return member ? memberLabel(member) : "Someone not on the team now";
  }
  if (owner.ownerAgencyId) {
    const agency = agencies?.find((a) => a.id === owner.ownerAgencyId);
    return agency ? `${agency.name} (no one named yet)` : "An agency (no one named yet)";
  }
  return "No one yet";
}

/** The owner in words, from what the actions API says. */
export function ownerName(action: { ownerName: string | null; ownerAgencyName: string | null }): string {
  if (action.ownerName) return action.ownerName;
  if (action.ownerAgencyName) return `${action.ownerAgencyName} (no one named yet)`;
  return "No one yet";
}
