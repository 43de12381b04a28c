/**
 * The pure parts of the network map's list view: grouping people by agency, saying each one's
 * relationships from their side, and where a newly added person stands on the map.
 */
import type { MapEdge, MapNode } from "@roundtable/domain";

export interface AgencyGroup {
  key: string;
  name: string;
  nodes: MapNode[];
}

const statusOrder: Record<MapNode["status"], number> = { "on-board": 0, "to-bring-in": 1, left: 2 };

/** By agency (those of the service in their order, then any other, then no agency), each on board first, then to bring in, then no longer involved; by name within. */
export function groupByAgency(nodes: readonly MapNode[], agencies: readonly { id: string; name: string }[]): AgencyGroup[] {
  const byKey = new Map<string, AgencyGroup>();
  const known = new Map(agencies.map((a) => [a.id, a.name]));
  for (const node of nodes) {
    const key = node.agencyId ?? "none";
    const name = node.agencyId === null ? "Not with an agency" : (known.get(node.agencyId) ?? "Another agency");
    const group = byKey.get(key) ?? { key, name, nodes: [] };
    group.nodes.push(node);
    byKey.set(key, group);
  }
  const rank = (g: AgencyGroup) => (g.key === "none" ? Number.MAX_SAFE_INTEGER : (agencies.findIndex((a) => a.id === g.key) + 1 || agencies.length + 1));
  for (const group of byKey.values()) group.nodes.sort((a, b) => statusOrder[a.status] - statusOrder[b.status] || a.label.localeCompare(b.label, "en-GB"));
  return [...byKey.values()].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, "en-GB"));
}

/** A person's relationships, each from their side: "works with Lucy Evans", or the other way round. */
export function relationshipsOf(nodeId: string, edges: readonly MapEdge[], nameOf: ReadonlyMap<string, string>) {
  return edges
    .filter((e) => e.from === nodeId || e.to === nodeId)
    .map((e) => {
      const outgoing = e.from === nodeId;
      return { edgeId: e.id, label: e.label, otherName: nameOf.get(outgoing ? e.to : e.from) ?? "someone", outgoing };
    });
}

/**
 * Round the young person, on rings that grow as the map fills: a free place on the innermost ring
 * with one (free: no one within a node's width of it), chosen at random among them, so two people
 * adding someone at the same moment (each seeing the same places taken) seldom choose the same.
 */
export function placeForNewNode(nodes: readonly MapNode[], random: () => number = Math.random): { x: number; y: number } {
  const perRing = 12;
  const clearance = 200;
  for (let ring = 0; ring < 50; ring++) {
    const radius = 420 + ring * 180;
    const places = Array.from({ length: perRing }, (_, slot) => {
      const angle = (slot / perRing) * 2 * Math.PI + ring * 0.26;
      return { x: Math.round(Math.cos(angle) * radius), y: Math.round(Math.sin(angle) * radius) };
    });
    const free = places.filter((p) => nodes.every((n) => Math.hypot(n.x - p.x, n.y - p.y) >= clearance));
    if (free.length > 0) return free[Math.min(free.length - 1, Math.floor(random() * free.length))]!;
  }
  return { x: 0, y: 420 + 50 * 180 };
}
