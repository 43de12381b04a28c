/** What the team page says about a change, before and after it is made. */
import { roleLabels, type ReaderRelation, type Role, type TeamMember } from "@roundtable/domain";

export function removalQuestion(member: Pick<TeamMember, "name">, childFirstName: string, isMe: boolean): { question: string; effect: string } {
  if (isMe) {
    return {
      question: `Remove yourself from ${childFirstName}'s team?`,
      effect: "You will lose access straight away, including any record you have open.",
    };
  }
  return {
    question: `Remove ${member.name} from ${childFirstName}'s team?`,
    effect: "They will lose access straight away, including any record they have open.",
  };
}

export function removedMessage(member: Pick<TeamMember, "name">, childFirstName: string, isMe: boolean): string {
  return isMe ? `You have left ${childFirstName}'s team` : `${member.name} has been removed from ${childFirstName}'s team`;
}

/** "Priya Shah is now the senior keyworker on Jamie's team". */
export function roleChangedMessage(member: Pick<TeamMember, "name">, role: Role, childFirstName: string): string {
  return `${member.name} is now ${withArticle(roleLabels[role].toLowerCase())} on ${childFirstName}'s team`;
}

function withArticle(words: string): string {
  return /^[aeiou]/i.test(words) ? `an ${words}` : `a ${words}`;
}

/** For someone who may not change the team: who can, in words aimed at them. */
export function teamChangeNote(reader: ReaderRelation): string {
  switch (reader) {
    case "parent":
    case "young-person":
      return "If someone should join or leave the team, tell your keyworker.";
    case "professional":
      return "If someone should join or leave the team, ask the child's keyworker.";
    case "own-keyworker":
    case "other-staff":
      return "Only keyworkers and the service lead can change who is on the team.";
  }
}
