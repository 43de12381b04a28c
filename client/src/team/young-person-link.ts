/**
 * The child's own account on the team page (ADR 0012): who may link or unlink it — the same
 * rules as the server's, in @roundtable/domain — and the words for each state.
 */
import { mayLinkYoungPerson, mayUnlinkYoungPerson, type CaseDetail, type Me, type TeamMember } from "@roundtable/domain";

export interface YoungPersonLinkChoices {
  /** The child's own keyworker, with no account linked yet: may link one. */
  mayLink: boolean;
  mayUnlink: boolean;
  /** Young-person accounts on the team that could be linked. */
  candidates: TeamMember[];
}

export function youngPersonLinkChoices(details: Pick<CaseDetail, "keyworker" | "youngPerson">, team: readonly TeamMember[], me: Pick<Me, "id" | "role">): YoungPersonLinkChoices {
  const isOwnKeyworker = details.keyworker?.id === me.id;
  const linked = details.youngPerson !== null;
  return {
    mayLink: !linked && mayLinkYoungPerson({ isOwnKeyworker }),
    mayUnlink: linked && mayUnlinkYoungPerson({ isOwnKeyworker, accountRole: me.role }),
    candidates: team.filter((m) => m.role === "young-person"),
  };
}

/** What a young-person row of the team says under the name. */
export function youngPersonNote(member: Pick<TeamMember, "personId" | "role">, linkedId: string | null, child: string): string | null {
  if (member.role !== "young-person") return null;
  return member.personId === linkedId ? `${child}'s own account` : `Not linked as ${child}'s own account, so sees nothing of ${child}'s`;
}
