/**
 * The professional network map's words: what a node is (the young person at the centre, a
 * person, or an agency or service), where each stands with the young person's support (on
 * board, to be brought in, no longer involved), and the relationships offered when two are
 * connected. The values are stored in the map's shared document, which other tools write too:
 * add to them, never rename one.
 */
import { z } from "zod";

export const mapNodeKinds = ["young-person", "person", "agency"] as const;
export const mapNodeKindSchema = z.enum(mapNodeKinds, { error: "Choose whether this is the young person, a person or an agency" });
export type MapNodeKind = z.infer<typeof mapNodeKindSchema>;

export const mapNodeKindLabels: Record<MapNodeKind, string> = {
  "young-person": "Young person",
  person: "Person",
  agency: "Agency or service",
};

export const mapNodeStatuses = ["on-board", "to-bring-in", "left"] as const;
export const mapNodeStatusSchema = z.enum(mapNodeStatuses, { error: "Choose whether they are on board, to be brought in or no longer involved" });
export type MapNodeStatus = z.infer<typeof mapNodeStatusSchema>;

export const mapNodeStatusLabels: Record<MapNodeStatus, string> = {
  "on-board": "On board",
  "to-bring-in": "To be brought in",
  left: "No longer involved",
};

/** The relationships offered when connecting two people; a service may write its own. */
export const defaultRelationshipLabels = ["works with", "refers to", "family", "strained"] as const;
