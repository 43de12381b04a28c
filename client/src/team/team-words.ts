/** What the team page says about a change, before and after it is made. */
import { roleLabels, type Role, type TeamMember } from "@roundtable/domain";

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
