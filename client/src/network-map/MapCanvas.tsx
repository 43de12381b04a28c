/**
 * The network map drawn (@xyflow/react), bound to the shared document: the young person in the
 * centre and everyone around them as nodes (each as the list shows them: a linked team member's
 * name, role, agency and contact details as they are now), relationships as labelled lines. Dragging a node
 * moves it for everyone as it goes (a move sent at most every 50 ms, and where it was let go);
 * drawing from one node's handle to another's connects them ("works with"); Enter on a selected
 * relationship, or a double-click on it, opens a dialog to change its words (RelationshipDialog);
 * Delete or Backspace removes what is selected (never the young person). Everyone else's pointer
 * and selection show with their name in their colour (map-presence.ts). Every change goes through
 * the model's change functions under this person's origin, so Undo takes back their own. Loaded
 * only when someone chooses the map view, so the list and the rest of the app do not wait for it.
 */
import { connectMapNodes, deleteMapEdge, deleteMapNode, MapChangeError, moveMapNode, youngPersonNodeId } from "@roundtable/collab";
import { mapNodeStatusLabels, type MapEdge as MapEdgeData, type MapNode as MapNodeData } from "@roundtable/domain";
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  Controls,
  Handle,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  ViewportPortal,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type NodeProps,
  type OnSelectionChangeParams,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { personShown, sameShown, spokenPerson, type PersonShown } from "./map-links";
import { pointerSender, useMapPresence, type MapPresence } from "./map-presence";
import { useMapPictureOfMap } from "./use-map-picture";
import { relabelRelationship } from "./relabel-relationship";
import { RelationshipDialog } from "./RelationshipDialog";
import { useMapLinks } from "./use-map-links";
import type { NetworkMapHandle } from "./use-network-map";

type PersonNode = Node<{ person: MapNodeData; shown: PersonShown; selectedBy: MapPresence[] }, "person">;

const moveEveryMs = 50;

/** What a screen reader says on reaching a relationship's line, for someone who may change it. */
const editorsHowTo = {
  "edge.a11yDescription.default": "Press Enter to select this relationship and change its words. Press Delete to remove it, or Escape to leave it.",
};

function PersonOnMap({ data }: NodeProps<PersonNode>) {
  const { person, shown, selectedBy } = data;
  const by = selectedBy[0];
  return (
    <div className={`rt-map-node rt-map-node--${person.kind} rt-map-node--${person.status}`} style={by ? { boxShadow: `0 0 0 3px ${by.colour}` } : undefined}>
      {by && (
        <span className="rt-map-node__selected-by" style={{ background: by.colour }} data-testid="map-selected-by">
          {selectedBy.map((p) => p.name).join(", ")}
        </span>
      )}
      <Handle type="target" position={Position.Top} />
      {person.kind === "young-person" && <PictureOnMap name={shown.name} />}
      <strong className="rt-map-node__label">{shown.name}</strong>
      {shown.role && <span className="rt-map-node__role">{shown.role}</span>}
      {shown.agency && <span className="rt-map-node__agency">{shown.agency}</span>}
      {shown.onTeam && <span className="rt-map-node__team">{shown.onTeam}</span>}
      {shown.contact && <span className="rt-map-node__contact">{shown.contact}</span>}
      {person.kind !== "young-person" && <span className="rt-map-node__status">{mapNodeStatusLabels[person.status]}</span>}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

/** The young person's picture in their node, when the map has one. */
function PictureOnMap({ name }: { name: string }) {
  const url = useMapPictureOfMap()?.url;
  // biome-ignore lint/a11y/noRedundantAlt: "Picture of …" says whose it is, in the words the list uses for it.
  return url ? <img className="rt-map-node__picture" src={url} alt={`Picture of ${name}`} draggable={false} data-testid="map-node-picture" /> : null;
}

const nodeTypes = { person: PersonOnMap };

/**
 * The same functions on every render, each calling the latest one given. The drawing library
 * stores each handler it is given, and every handler that changes is a store update that runs
 * every node's and every line's selectors again: on a map of hundreds, a few per step of a drag.
 */
function useSteadyHandlers<H extends Record<string, (...args: never[]) => void>>(handlers: H): H {
  const latest = useRef(handlers);
  latest.current = handlers;
  return useMemo(() => Object.fromEntries(Object.keys(latest.current).map((name) => [name, (...args: never[]) => latest.current[name]!(...args)])) as H, []);
}

const isDeletable = (person: MapNodeData, editable: boolean) => editable && person.id !== youngPersonNodeId;

const samePeople = (a: readonly MapPresence[], b: readonly MapPresence[]) => a.length === b.length && a.every((p, i) => p.clientId === b[i]!.clientId && p.name === b[i]!.name && p.colour === b[i]!.colour);

/** Whether the node drawn already (at the same place in the list) shows this person as they are now, selected by the same people. */
/** Only moved: while this screen drags a person, their own moves coming back change nothing drawn (the pointer places them). */
const movedOnly = (a: MapNodeData, b: MapNodeData) => a.label === b.label && a.kind === b.kind && a.status === b.status && a.role === b.role && a.contact === b.contact && a.agencyId === b.agencyId && a.personId === b.personId;

function unchanged(previous: PersonNode, atSamePlace: PersonNode | undefined, person: MapNodeData, beingDragged: boolean, shown: PersonShown, selectedBy: MapPresence[], editable: boolean): boolean {
  return (
    previous === atSamePlace &&
    (previous.data.person === person || (beingDragged && movedOnly(previous.data.person, person))) &&
    sameShown(previous.data.shown, shown) &&
    samePeople(previous.data.selectedBy, selectedBy) &&
    previous.deletable === isDeletable(person, editable)
  );
}

function toFlowNode(person: MapNodeData, shown: PersonShown, editable: boolean, previous: PersonNode | undefined, selectedBy: MapPresence[]): PersonNode {
  return {
    id: person.id,
    type: "person",
    position: { x: person.x, y: person.y },
    data: { person, shown, selectedBy },
    selected: previous?.selected ?? false,
    deletable: isDeletable(person, editable),
    ariaLabel: spokenPerson(shown, person.kind === "young-person" ? null : mapNodeStatusLabels[person.status]),
  };
}

interface MapCanvasProps {
  doc: Y.Doc;
  handle: NetworkMapHandle;
  editable: boolean;
  /** The document connection's awareness: everyone's pointers and selections. */
  awareness: Awareness;
  me: { name: string; colour: string };
  onProblem(message: string | null): void;
}

export default function MapCanvas(props: MapCanvasProps) {
  return (
    <ReactFlowProvider>
      <DrawnMap {...props} />
    </ReactFlowProvider>
  );
}

/** Everyone else's pointer, with their name, where it is on the map. */
function Pointers({ others }: { others: readonly MapPresence[] }) {
  return (
    <ViewportPortal>
      {others.flatMap((o) =>
        o.pointer
          ? [
              <div key={o.clientId} className="rt-map-pointer" style={{ transform: `translate(${o.pointer.x}px, ${o.pointer.y}px)` }} data-testid="map-pointer">
                <svg width="16" height="20" viewBox="0 0 16 20" aria-hidden="true" focusable="false">
                  <path d="M0 0 L0 16 L4.5 12 L8 20 L10.5 19 L7 11 L13 11 Z" fill={o.colour} stroke="#fff" strokeWidth="1" />
                </svg>
                <span className="rt-map-pointer__name" style={{ background: o.colour }}>
                  {o.name}
                </span>
              </div>,
            ]
          : [],
      )}
    </ViewportPortal>
  );
}

function DrawnMap({ doc, handle, editable, awareness, me, onProblem }: MapCanvasProps) {
  const { map, origin } = handle;
  const links = useMapLinks();
  const others = useMapPresence(awareness, me);
  const { screenToFlowPosition } = useReactFlow();
  const sendPointer = useMemo(() => pointerSender(awareness), [awareness]);
  // A pointer still waiting to be sent when the map closes would otherwise land after it and stay.
  useEffect(() => () => sendPointer(null), [sendPointer]);
  const [nodes, setNodes] = useState<PersonNode[]>([]);
  const [edges, setEdges] = useState<Edge<{ edge: MapEdgeData }>[]>([]);
  const dragging = useRef(new Map<string, number>());
  const canvas = useRef<HTMLDivElement>(null);
  const [relabelling, setRelabelling] = useState<string | null>(null);
  const nameOf = (id: string) => {
    const node = map.nodes.find((n) => n.id === id);
    return node ? personShown(node, links).name : "someone";
  };

  // The shared map is the truth; what this screen adds is selection, and a node under the pointer stays where the pointer is.
  // Whatever did not change stays the same object, so only what changed is drawn again (a drag on a map of hundreds stays smooth):
  // what a node shows is compared too, so a linked team member's details arriving or changing redraws their node, and only theirs.
  useEffect(() => {
    setNodes((shown) => {
      const before = new Map(shown.map((n) => [n.id, n]));
      let changed = shown.length !== map.nodes.length;
      const next = map.nodes.map((person, i) => {
        const previous = before.get(person.id);
        const selectedBy = others.filter((o) => o.selection.includes(person.id));
        const asShown = personShown(person, links);
        if (previous && unchanged(previous, shown[i], person, dragging.current.has(person.id), asShown, selectedBy, editable)) return previous;
        changed = true;
        const node = toFlowNode(person, asShown, editable, previous, selectedBy);
        // What the library measured stays: a node without it cannot be dragged.
        const kept = previous ? { ...previous, ...node } : node;
        return previous && dragging.current.has(person.id) ? { ...kept, position: previous.position, dragging: true } : kept;
      });
      return changed ? next : shown;
    });
    setEdges((shown) => {
      const before = new Map(shown.map((e) => [e.id, e]));
      const names = new Map(map.nodes.map((n) => [n.id, personShown(n, links).name]));
      let changed = shown.length !== map.edges.length;
      const next = map.edges.map((e, i) => {
        const previous = before.get(e.id);
        const ariaLabel = `${names.get(e.from) ?? "someone"} ${e.label} ${names.get(e.to) ?? "someone"}`;
        if (previous && previous === shown[i] && previous.data?.edge === e && previous.ariaLabel === ariaLabel && previous.deletable === editable) return previous;
        changed = true;
        return { id: e.id, source: e.from, target: e.to, label: e.label, selected: previous?.selected ?? false, deletable: editable, ariaLabel, data: { edge: e } };
      });
      return changed ? next : shown;
    });
  }, [map, editable, others, links]);

  const attempt = (change: () => void) => {
    try {
      change();
      onProblem(null);
    } catch (err) {
      if (!(err instanceof MapChangeError)) throw err;
      onProblem(err.message);
    }
  };

  const onNodesChange = (changes: NodeChange<PersonNode>[]) => {
    setNodes((shown) => applyNodeChanges(changes, shown));
    if (!editable) return;
    for (const change of changes) {
      if (change.type === "position" && change.position) {
        const { id, position } = change;
        const lastSent = dragging.current.get(id) ?? 0;
        if (change.dragging) {
          if (Date.now() - lastSent >= moveEveryMs) {
            dragging.current.set(id, Date.now());
            attempt(() => moveMapNode(doc, id, Math.round(position.x), Math.round(position.y), origin));
          } else if (!dragging.current.has(id)) dragging.current.set(id, 0);
        } else {
          attempt(() => moveMapNode(doc, id, Math.round(position.x), Math.round(position.y), origin));
        }
      }
      if (change.type === "position" && change.dragging === false) {
        dragging.current.delete(change.id);
        handle.endStep();
      }
      if (change.type === "remove" && change.id !== youngPersonNodeId) attempt(() => deleteMapNode(doc, change.id, origin));
    }
  };

  const onEdgesChange = (changes: EdgeChange<Edge<{ edge: MapEdgeData }>>[]) => {
    setEdges((shown) => applyEdgeChanges(changes, shown));
    if (!editable) return;
    for (const change of changes) if (change.type === "remove") attempt(() => deleteMapEdge(doc, change.id, origin));
  };

  const onConnect = (connection: Connection) => {
    if (!editable || connection.source === connection.target) return;
    attempt(() => connectMapNodes(doc, connection.source, connection.target, "works with", { origin }));
    handle.endStep();
  };

  // Enter on a relationship's line (which the library also selects) opens its words to change.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const edgeId = event.key === "Enter" && editable ? (event.target as Element).closest(".react-flow__edge")?.getAttribute("data-id") : null;
    if (!edgeId) return;
    event.preventDefault();
    setRelabelling(edgeId);
  };
  const relabelled = map.edges.find((e) => e.id === relabelling);
  // Back to the line, once the dialog has gone (closing it gives the focus back to where it was before, which a double-click may not have moved).
  const closeRelabel = () => {
    setRelabelling(null);
    const id = relabelled?.id;
    if (id) requestAnimationFrame(() => canvas.current?.querySelector<SVGGElement>(`.react-flow__edge[data-id="${CSS.escape(id)}"]`)?.focus());
  };

  const onSelectionChange = ({ nodes: selected }: OnSelectionChangeParams) => awareness.setLocalStateField("mapSelection", selected.map((n) => n.id));
  const onEdgeDoubleClick = (_: unknown, edge: Edge) => editable && setRelabelling(edge.id);
  const handlers = useSteadyHandlers({ onNodesChange, onEdgesChange, onConnect, onKeyDown, onEdgeDoubleClick, onSelectionChange });

  return (
    <>
      <div
        ref={canvas}
        className="rt-map-canvas"
        data-testid="network-map-canvas"
        onPointerMove={(event) => sendPointer(screenToFlowPosition({ x: event.clientX, y: event.clientY }))}
        onPointerLeave={() => sendPointer(null)}
      >
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={handlers.onNodesChange}
          onEdgesChange={handlers.onEdgesChange}
          onConnect={handlers.onConnect}
          onKeyDown={handlers.onKeyDown}
          onEdgeDoubleClick={handlers.onEdgeDoubleClick}
          onSelectionChange={handlers.onSelectionChange}
          ariaLabelConfig={editable ? editorsHowTo : undefined}
          nodesDraggable={editable}
          nodesConnectable={editable}
          elementsSelectable
          fitView
          minZoom={0.2}
        >
          <Background />
          <Pointers others={others} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
      {relabelled && (
        <RelationshipDialog
          relationship={{ label: relabelled.label, from: nameOf(relabelled.from), to: nameOf(relabelled.to) }}
          onSave={(label) => relabelRelationship(doc, handle, relabelled.id, label)}
          onClose={closeRelabel}
        />
      )}
    </>
  );
}
