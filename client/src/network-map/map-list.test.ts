import type { MapNode } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { groupByAgency, placeForNewNode, relationshipsOf } from "./map-list";

const node = (id: string, label: string, agencyId: string | null, status: MapNode["status"] = "on-board"): MapNode => ({
  id,
  label,
  kind: "person",
  status,
  x: 0,
  y: 0,
  role: null,
  contact: null,
  agencyId,
  personId: null,
});

describe("the network map as a list", () => {
  it("groups by agency in the service's order, then others, then none; on board first, then by name", () => {
    const agencies = [
      { id: "a1", name: "CAMHS" },
      { id: "a2", name: "School" },
    ];
    const groups = groupByAgency(
      [node("1", "Zoe", "a2"), node("2", "Ben", null), node("3", "Amy", "a2", "left"), node("4", "Cal", "a1", "to-bring-in"), node("5", "Dev", "a9"), node("6", "Ann", "a2")],
      agencies,
    );
    expect(groups.map((g) => [g.name, g.nodes.map((n) => n.label)])).toEqual([
      ["CAMHS", ["Cal"]],
      ["School", ["Ann", "Zoe", "Amy"]],
      ["Another agency", ["Dev"]],
      ["Not with an agency", ["Ben"]],
    ]);
  });

  it("says each relationship from the person's own side", () => {
    const names = new Map([
      ["1", "Ben"],
      ["2", "Lucy"],
    ]);
    const edges = [{ id: "e", from: "1", to: "2", label: "works with" }];
    expect(relationshipsOf("1", edges, names)).toEqual([{ edgeId: "e", label: "works with", otherName: "Lucy", outgoing: true }]);
    expect(relationshipsOf("2", edges, names)).toEqual([{ edgeId: "e", label: "works with", otherName: "Ben", outgoing: false }]);
  });

  it("places each new person at a free place round the centre, on a wider ring once one is full, never on someone", () => {
    const placed: MapNode[] = [];
    for (let i = 0; i < 13; i++) {
      const at = placeForNewNode(placed, () => 0.99);
      placed.push({ ...node(String(i), "x", null), ...at });
    }
    const apart = placed.every((a, i) => placed.every((b, j) => i === j || Math.hypot(a.x - b.x, a.y - b.y) >= 200));
    expect(apart).toBe(true);
    expect(Math.hypot(placed[0]!.x, placed[0]!.y)).toBeCloseTo(420, 0);
    expect(Math.hypot(placed[12]!.x, placed[12]!.y)).toBeCloseTo(600, 0);
    // Two people adding at the same moment see the same places free, and choose among them at random.
    expect(placeForNewNode([], () => 0.1)).not.toEqual(placeForNewNode([], () => 0.9));
  });

});
