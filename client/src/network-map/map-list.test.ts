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

  it("places each new person at a free place round the centre, on a wider ring once one is full", () => {
    const middle = () => 0.5;
    const places = Array.from({ length: 13 }, (_, i) => placeForNewNode(Array.from({ length: i }, (_, j) => node(String(j), "x", null)), middle));
    expect(new Set(places.map((p) => `${p.x},${p.y}`)).size).toBe(13);
    expect(Math.hypot(places[0]!.x, places[0]!.y)).toBeCloseTo(260, 0);
    expect(Math.hypot(places[12]!.x, places[12]!.y)).toBeCloseTo(400, 0);
    // Two people adding at the same moment count the same places taken, but land apart.
    const low = placeForNewNode([], () => 0.1);
    const high = placeForNewNode([], () => 0.9);
    expect(Math.hypot(low.x - high.x, low.y - high.y)).toBeGreaterThan(100);
  });
});
