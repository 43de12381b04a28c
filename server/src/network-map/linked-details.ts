/**
 * What a map's nodes say when drawn for download: as the app shows them (nodeAsShown, in the
 * domain package), with the linked team members and agencies as far as the reader may see them on
 * the case page (the same answer, getCase).
 */
import type { Db } from "@roundtable/db";
import { nodeAsShown, noLinkedRecords, type LinkedRecords, type MapNode } from "@roundtable/domain";
import { visibleCase } from "../access/access.js";
import type { Person } from "../auth/sessions.js";
import { getCase } from "../cases/cases.js";
import type { DrawnNode } from "./map-svg.js";

async function linkedRecords(db: Db, person: Person, caseId: string | null, nodes: readonly MapNode[]): Promise<LinkedRecords> {
  if (caseId === null || !nodes.some((n) => n.personId || n.agencyId)) return noLinkedRecords;
  if (!(await visibleCase(db, person, caseId)).ok) return noLinkedRecords;
  const detail = await getCase(db, person, caseId);
  return { team: new Map(detail.team.map((m) => [m.personId, m])), agencies: new Map(detail.agencies.map((a) => [a.id, a.name])) };
}

export async function drawnNodes(db: Db, person: Person, caseId: string | null, nodes: readonly MapNode[]): Promise<DrawnNode[]> {
  const linked = await linkedRecords(db, person, caseId, nodes);
  return nodes.map((node) => {
    const { name, role, agency, contact } = nodeAsShown(node, linked);
    return { id: node.id, kind: node.kind, status: node.status, x: node.x, y: node.y, name, role, agency, contact };
  });
}
