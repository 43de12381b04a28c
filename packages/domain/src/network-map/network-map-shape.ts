/**
 * What a network map's nodes and edges may hold, as plain data: the fields of each, their
 * bounds, and how many of each one map may have. The editor checks what people type against
 * these schemas (their messages are written for a form); the server refuses any change to a
 * map's document that would leave a node or an edge outside them (packages/collab network-map).
 */
import { z } from "zod";
import { mapNodeKindSchema, mapNodeStatusSchema } from "./network-map-words.js";

export const networkMapLimits = {
  /** People and services on one map: a real network is a few dozen; this keeps drawing and syncing quick. */
  maxNodes: 1000,
  maxEdges: 5000,
  /** A name, a role or a relationship's words. */
  maxTextLength: 200,
  /** How to contact someone: a phone number and an email address, or a line about them. */
  maxContactLength: 500,
  /** A node's or an edge's key in the document. */
  maxIdLength: 100,
  /** How far from the centre a node may be placed, either way, in the map's own units. */
  maxCoordinate: 1_000_000,
} as const;

const { maxTextLength, maxContactLength, maxIdLength, maxCoordinate } = networkMapLimits;

export const mapIdSchema = z.string({ error: "An id must be text" }).min(1, "An id cannot be empty").max(maxIdLength, `Keep an id to ${maxIdLength} characters`);

const coordinate = z
  .number({ error: "A position must be a number" })
  .refine(Number.isFinite, "A position must be a finite number")
  .refine((n) => Math.abs(n) <= maxCoordinate, `Keep a position within ${maxCoordinate} of the centre`);

const optionalText = (max: number, what: string) => z.string({ error: `${what} must be text` }).max(max, `Keep ${what.toLowerCase()} to ${max} characters`).nullable().optional();
const optionalLink = (what: string) => z.uuid(`${what} must be an id`).nullable().optional();

/** A node's fields as the document stores them (a key left out and a key set to null both mean "none"). */
export const mapNodeFieldsSchema = z.strictObject(
  {
    label: z.string({ error: "A name must be text" }).max(maxTextLength, `Keep a name to ${maxTextLength} characters`),
    kind: mapNodeKindSchema,
    status: mapNodeStatusSchema,
    x: coordinate,
    y: coordinate,
    role: optionalText(maxTextLength, "A role"),
    contact: optionalText(maxContactLength, "Contact details"),
    agencyId: optionalLink("An agency"),
    personId: optionalLink("A team member"),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "A node has a field the map does not know" : undefined) },
);
export type MapNodeFields = z.input<typeof mapNodeFieldsSchema>;

/** Some of a node's fields, as one change writes them (each as the model has it; none unknown). */
export const mapNodeChangeSchema = mapNodeFieldsSchema.partial();

/** An edge's fields as the document stores them: the two nodes it joins and the relationship in words. */
export const mapEdgeFieldsSchema = z.strictObject(
  {
    from: mapIdSchema,
    to: mapIdSchema,
    label: z.string({ error: "A relationship must be text" }).max(maxTextLength, `Keep a relationship to ${maxTextLength} characters`),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "An edge has a field the map does not know" : undefined) },
);
export type MapEdgeFields = z.infer<typeof mapEdgeFieldsSchema>;

/** A node as read from the map: every field present, "none" as null. */
export interface MapNode {
  id: string;
  label: string;
  kind: z.infer<typeof mapNodeKindSchema>;
  status: z.infer<typeof mapNodeStatusSchema>;
  x: number;
  y: number;
  role: string | null;
  contact: string | null;
  agencyId: string | null;
  personId: string | null;
}

export interface MapEdge extends MapEdgeFields {
  id: string;
}

/** A map as read: its nodes, and the edges between nodes it has (an edge to a node deleted meanwhile is left out). */
export interface NetworkMap {
  nodes: MapNode[];
  edges: MapEdge[];
}
