/**
 * What a map's people are linked to, and how each is shown with it: the child's team as the
 * reader sees it and the service's agencies (MapLinks, read once where the map opens), and a
 * node's name, role, agency and contact details as the downloads show them (the domain's
 * nodeAsShown), with whether they are on the child's team, said in words.
 */
import { nodeAsShown, noLinkedRecords, type Agency, type LinkedRecords, type MapNode, type NodeAsShown, type TeamMember } from "@roundtable/domain";
import { firstName, possessive } from "../team/child-name";

export interface MapLinks {
  /** The team by person id and the agencies by id, for nodeAsShown. */
  records: LinkedRecords;
  /** The child's service's agencies, in its order: a person's agency is chosen from these. */
  agencies: readonly Agency[];
  /** Those on the child's team a person on the map can be linked to (not the young person, who is the centre), in the team's order. */
  team: readonly TeamMember[];
  /** "Jamie's team", or the young person's when the reader is not told whose. */
  teamName: string;
}

export const noMapLinks: MapLinks = { records: noLinkedRecords, agencies: [], team: [], teamName: "the young person's team" };

/** The links a map has, from the case as the reader sees it (null until read, or when they may not) and the service's agencies. */
export function mapLinksOf(child: { name: string; team: readonly TeamMember[] } | null, agencies: readonly Agency[]): MapLinks {
  return {
    records: { team: new Map((child?.team ?? []).map((m) => [m.personId, m])), agencies: new Map(agencies.map((a) => [a.id, a.name])) },
    agencies,
    team: (child?.team ?? []).filter((m) => m.role !== "young-person"),
    teamName: child ? `${possessive(firstName(child.name))} team` : noMapLinks.teamName,
  };
}

export interface PersonShown extends Omit<NodeAsShown, "member"> {
  /** "On Jamie's team" when linked to someone the reader sees on it; else null. */
  onTeam: string | null;
}

export function personShown(node: MapNode, links: MapLinks): PersonShown {
  const { member, ...shown } = nodeAsShown(node, links.records);
  return { ...shown, onTeam: member ? `On ${links.teamName}` : null };
}

/** Whether two nodes would be shown alike: the drawn map redraws a node only when not. */
export function sameShown(a: PersonShown, b: PersonShown): boolean {
  return a.name === b.name && a.role === b.role && a.agency === b.agency && a.contact === b.contact && a.onTeam === b.onTeam;
}

/** Everything a node shows, as one sentence for a screen reader: "Lucy Evans, Social worker, Children's Social Care: On board. On Jamie's team. Contact: 01632 960 455". */
export function spokenPerson(shown: PersonShown, status: string | null): string {
  const who = [shown.name, shown.role, shown.agency].filter(Boolean).join(", ");
  const more = [status, shown.onTeam, shown.contact && `Contact: ${shown.contact}`].filter(Boolean).join(". ");
  return more ? `${who}: ${more}` : who;
}

/** A team member as offered to link to: "Lucy Evans — Social worker, Northbridge Children's Social Care". */
export function memberChoiceLabel(member: TeamMember): string {
  const about = [member.jobTitle, member.agency].filter(Boolean).join(", ");
  return about ? `${member.name} — ${about}` : member.name;
}
