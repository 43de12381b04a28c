/**
 * The network map drawn (@xyflow/react), bound to the shared document: the young person in the
 * centre and everyone around them as nodes, relationships as labelled lines. Dragging a node
 * moves it for everyone as it goes (a move sent at most every 50 ms, and where it was let go);
 * drawing from one node's handle to another's connects them ("works with", changed in the list);
 * Delete or Backspace removes what is selected (never the young person). Every change goes through
 * the model's change functions under this person's origin, so Undo takes back their own. Loaded
 * only when someone chooses the map view, so the list and the rest of the app do not wait for it.
 */
import { connectMapNodes, deleteMapEdge, deleteMapNode, MapChangeError, moveMapNode, youngPersonNodeId } from "@roundtable/collab";
import { mapNodeStatusLabels, type MapNode as MapNodeData } from "@roundtable/domain";
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  Controls,
  Handle,
  Position,
  ReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type NodeProps,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import type { NetworkMapHandle } from "./use-network-map";

type PersonNode = Node<{ person: MapNodeData }, "person">;

const moveEveryMs = 50;

function PersonOnMap({ data }: NodeProps<PersonNode>) {
  const { person } = data;
  return (
    <div className={`rt-map-node rt-map-node--${person.kind} rt-map-node--${person.status}`}>
      <Handle type="target" position={Position.Top} />
      <strong className="rt-map-node__label">{person.label}</strong>
      {person.role && <span className="rt-map-node__role">{person.role}</span>}
      {person.kind !== "young-person" && <span className="rt-map-node__status">{mapNodeStatusLabels[person.status]}</span>}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

const nodeTypes = { person: PersonOnMap };

function toFlowNode(person: MapNodeData, editable: boolean, previous: PersonNode | undefined): PersonNode {
  return {
    id: person.id,
    type: "person",
    position: { x: person.x, y: person.y },
    data: { person },
    selected: previous?.selected ?? false,
    deletable: editable && person.id !== youngPersonNodeId,
    ariaLabel: `${person.label}${person.role ? `, ${person.role}` : ""}: ${mapNodeStatusLabels[person.status]}`,
  };
}

interface MapCanvasProps {
  doc: Y.Doc;
  handle: NetworkMapHandle;
  editable: boolean;
  onProblem(message: string | null): void;
}

export default function MapCanvas({ doc, handle, editable, onProblem }: MapCanvasProps) {
  const { map, origin } = handle;
  const [nodes, setNodes] = useState<PersonNode[]>([]);
  const [edges, setEdges] = useState<Edge[]>([]);
  const dragging = useRef(new Map<string, number>());

  // The shared map is the truth; what this screen adds is selection, and a node under the pointer stays where the pointer is.
  useEffect(() => {
    setNodes((shown) => {
      const before = new Map(shown.map((n) => [n.id, n]));
      return map.nodes.map((person) => {
        const previous = before.get(person.id);
        const node = toFlowNode(person, editable, previous);
        return previous && dragging.current.has(person.id) ? { ...node, position: previous.position, dragging: true } : node;
      });
    });
    setEdges((shown) => {
      const selected = new Set(shown.filter((e) => e.selected).map((e) => e.id));
      return map.edges.map((e) => ({ id: e.id, source: e.from, target: e.to, label: e.label, selected: selected.has(e.id), deletable: editable, ariaLabel: `${e.label}` }));
    });
  }, [map, editable]);

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

  const onEdgesChange = (changes: EdgeChange[]) => {
    setEdges((shown) => applyEdgeChanges(changes, shown));
    if (!editable) return;
    for (const change of changes) if (change.type === "remove") attempt(() => deleteMapEdge(doc, change.id, origin));
  };

  const onConnect = (connection: Connection) => {
    if (!editable || connection.source === connection.target) return;
    attempt(() => connectMapNodes(doc, connection.source, connection.target, "works with", { origin }));
    handle.endStep();
  };

  return (
    <div className="rt-map-canvas" data-testid="network-map-canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        nodesDraggable={editable}
        nodesConnectable={editable}
        elementsSelectable
        fitView
        minZoom={0.2}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
