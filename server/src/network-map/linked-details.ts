/**
 * What a map's nodes say when drawn: a node linked to a member of the case's team shows that
 * person's name, job title, agency and contact details as they are now, and a node linked to an
 * agency its name now, so a changed phone number shows on every map they are on. Only as far as
 * the reader may see them on the case page (the same answer, getCase); otherwise, and for nodes
 * not linked, what the node itself says.
 */
import type { Db } from "@roundtable/db";
import type { MapNode, TeamMember } from "@roundtable/domain";
import { visibleCase } from "../access/access.js";
import type { Person } from "../auth/sessions.js";
import { getCase } from "../cases/cases.js";
import type { DrawnNode } from "./map-svg.js";

interface Linked {
  team: Map<string, TeamMember>;
  agencies: Map<string, string>;
}

async function linkedRecords(db: Db, person: Person, caseId: string | null, nodes: readonly MapNode[]): Promise<Linked> {
  const none: Linked = { team: new Map(), agencies: new Map() };
  if (caseId === null || !nodes.some((n) => n.personId || n.agencyId)) return none;
  if (!(await visibleCase(db, person, caseId)).ok) return none;
  const detail = await getCase(db, person, caseId);
  return { team: new Map(detail.team.map((m) => [m.personId, m])), agencies: new Map(detail.agencies.map((a) => [a.id, a.name])) };
}

function contactOf(member: TeamMember | undefined): string | null {
  const said = [member?.contact?.phone, member?.contact?.email].filter(Boolean).join(", ");
  return said || null;
}

export async function drawnNodes(db: Db, person: Person, caseId: string | null, nodes: readonly MapNode[]): Promise<DrawnNode[]> {
  const { team, agencies } = await linkedRecords(db, person, caseId, nodes);
  return nodes.map((node) => {
    const member = node.personId ? team.get(node.personId) : undefined;
    const agencyName = node.agencyId ? agencies.get(node.agencyId) : undefined;
    const name = member?.name ?? (node.kind === "agency" && agencyName ? agencyName : node.label);
    const agency = agencyName ?? member?.agency ?? null;
    return {
      id: node.id,
      kind: node.kind,
      status: node.status,
      x: node.x,
      y: node.y,
      name,
      role: node.role ?? member?.jobTitle ?? null,
      agency: agency === name ? null : agency,
      contact: contactOf(member) ?? node.contact,
    };
  });
}
