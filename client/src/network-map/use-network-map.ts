/**
 * The network map a document holds, read live: the map as plain data (LiveNetworkMap: what
 * readNetworkMap reads, so every view reads it the same way, with what a change did not touch kept
 * as the same objects, so a view redraws only what changed); changes made under this person's own
 * origin so that Undo and Redo take back only what they did (a Y.UndoManager tracking that
 * origin); and — for someone who may edit — a relationship left pointing at a person deleted
 * meanwhile is removed once seen, as the model asks of the next editor who sees it.
 */
import { LiveNetworkMap, mapEdgesOf, mapNodesOf, pruneDanglingEdges } from "@roundtable/collab";
import type { NetworkMap } from "@roundtable/domain";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import * as Y from "yjs";

export interface NetworkMapHandle {
  map: NetworkMap;
  /** Pass to every change this person makes, so their Undo takes it back. */
  origin: object;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  /** Ends the change being captured, so the next is undone on its own (a form's change is one step; a drag's moves are merged). */
  endStep(): void;
}

/** Who removed a dangling relationship: not this person's own change, so not theirs to undo. */
const tidying = { what: "removing relationships to people deleted meanwhile" };

export function useNetworkMap(doc: Y.Doc, editable: boolean): NetworkMapHandle {
  const live = useMemo(() => new LiveNetworkMap(doc), [doc]);
  const map = useSyncExternalStore(live.subscribe, live.get);
  const origin = useMemo(() => ({ editor: "network-map" }), []);
  const undoManager = useMemo(() => new Y.UndoManager([mapNodesOf(doc), mapEdgesOf(doc)], { trackedOrigins: new Set([origin]), captureTimeout: 400 }), [doc, origin]);
  const [stacks, setStacks] = useState({ canUndo: false, canRedo: false });
  useEffect(() => {
    const update = () => setStacks({ canUndo: undoManager.undoStack.length > 0, canRedo: undoManager.redoStack.length > 0 });
    undoManager.on("stack-item-added", update);
    undoManager.on("stack-item-popped", update);
    undoManager.on("stack-cleared", update);
    return () => {
      undoManager.off("stack-item-added", update);
      undoManager.off("stack-item-popped", update);
      undoManager.off("stack-cleared", update);
      undoManager.destroy();
    };
  }, [undoManager]);

  // Fewer edges read than kept: one points at someone gone. Removed after the change that showed it.
  const dangling = mapEdgesOf(doc).size > map.edges.length;
  useEffect(() => {
    if (editable && dangling) pruneDanglingEdges(doc, tidying);
  }, [doc, editable, dangling]);

  return { map, origin, undo: () => undoManager.undo(), redo: () => undoManager.redo(), endStep: () => undoManager.stopCapturing(), ...stacks };
}
