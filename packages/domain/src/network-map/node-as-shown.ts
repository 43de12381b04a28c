/**
 * What a node on a network map says when shown, in the app and in every download alike: a node
 * linked to a member of the case's team shows that person's name, job title, agency and contact
 * details as they are now, and a node linked to an agency that agency's name now, so a changed
 * phone number shows on every map they are on. What the reader may not see of the team (or a
 * link to someone no longer on it) falls back to what the node itself says.
 */
import type { TeamMember } from "../api.js";
import type { MapNode } from "./network-map-shape.js";

export interface LinkedRecords {
  /** The case's team as the reader sees it, by person id. */
  team: ReadonlyMap<string, TeamMember>;
  /** Agencies' names now, by id. */
  agencies: ReadonlyMap<string, string>;
}

export interface NodeAsShown {
  name: string;
  role: string | null;
  /** The agency's name, left out when it is the node's own name (a service). */
  agency: string | null;
  contact: string | null;
  /** The team member whose details are shown, when the node is linked to one the reader can see. */
  member: TeamMember | null;
}

export const noLinkedRecords: LinkedRecords = { team: new Map(), agencies: new Map() };

/** How a team member is reached, in words ("01632 960 455, lucy.evans@…"), or null when the reader is told none. */
export function teamContactInWords(member: TeamMember | undefined): string | null {
  return [member?.contact?.phone, member?.contact?.email].filter(Boolean).join(", ") || null;
}

export function nodeAsShown(node: MapNode, linked: LinkedRecords): NodeAsShown {
  const member = node.personId ? linked.team.get(node.personId) : undefined;
  const agencyName = node.agencyId ? linked.agencies.get(node.agencyId) : undefined;
  const name = member?.name ?? (node.kind === "agency" && agencyName ? agencyName : node.label);
  const agency = agencyName ?? member?.agency ?? null;
  return {
    name,
    role: node.role ?? member?.jobTitle ?? null,
    agency: agency === name ? null : agency,
    contact: teamContactInWords(member) ?? node.contact,
    member: member ?? null,
  };
}
