/**
 * A network map document, opened: the map's own bar (the connection line, the choice between
 * the drawn map and the list, Undo and Redo for this person's own changes), then the map drawn
 * (MapCanvas, loaded when first shown) or as a structured list (MapListView). Both edit the same
 * shared document, live. On a phone the list is shown first; elsewhere the map.
 */
import { lazy, Suspense, useMemo, useState, type ReactNode } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { PageLoading } from "../layout/PageLoading";
import { MapListView } from "./MapListView";
import { MapLinksContext, useCaseMapLinks } from "./use-map-links";
import { MapPictureContext, useMapPicture } from "./use-map-picture";
import { useNetworkMap } from "./use-network-map";
import { RelationshipLabelsContext, useCaseRelationshipLabels } from "./use-relationship-labels";
import "./network-map.css";

const MapCanvas = lazy(() => import("./MapCanvas"));

interface NetworkMapEditorProps {
  documentId: string;
  doc: Y.Doc;
  awareness: Awareness;
  me: { name: string; colour: string };
  /** The child the map is about: whose service's agencies it names and relationships it offers. */
  caseId: string | null;
  editable: boolean;
  /** Whether they may add, change or remove the young person's picture: the family may, as well as editors. */
  mayChangePicture: boolean;
  statusLine: ReactNode;
  describedBy: string;
}

/**
 * The map, with its picture, the relationships the child's service offers, and the child's team
 * and service's agencies its people may be linked to: each read once for both views.
 */
export function NetworkMapEditor(props: NetworkMapEditorProps) {
  const read = useMapPicture(props.documentId);
  // The same value until it changes: a new one each render would have React look through the whole drawing for readers of it.
  const picture = useMemo(() => ({ ...read, mayChange: props.mayChangePicture }), [read, props.mayChangePicture]);
  const relationshipLabels = useCaseRelationshipLabels(props.caseId);
  const links = useCaseMapLinks(props.caseId);
  return (
    <MapPictureContext.Provider value={picture}>
      <RelationshipLabelsContext.Provider value={relationshipLabels}>
        <MapLinksContext.Provider value={links}>
          <MapViews {...props} />
        </MapLinksContext.Provider>
      </RelationshipLabelsContext.Provider>
    </MapPictureContext.Provider>
  );
}

function MapViews({ doc, awareness, me, editable, statusLine, describedBy }: NetworkMapEditorProps) {
  const handle = useNetworkMap(doc, editable);
  const [view, setView] = useState<"map" | "list">(() => (window.matchMedia?.("(max-width: 640px)").matches ? "list" : "map"));
  const [canvasProblem, setCanvasProblem] = useState<string | null>(null);
  return (
    <section className="rt-map" aria-label="Network map" aria-describedby={describedBy || undefined} data-testid="network-map-editor">
      <div className="rt-editor__bar rt-map__bar">
        {statusLine}
        <fieldset className="rt-map__views">
          <legend className="nhsuk-u-visually-hidden">Show the map as</legend>
          {(["map", "list"] as const).map((v) => (
            <button key={v} type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" aria-pressed={view === v} onClick={() => setView(v)}>
              {v === "map" ? "A drawn map" : "A list"}
            </button>
          ))}
        </fieldset>
        {editable && (
          <div className="rt-map__undo">
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" aria-disabled={!handle.canUndo || undefined} onClick={() => handle.canUndo && handle.undo()}>
              Undo
            </button>
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" aria-disabled={!handle.canRedo || undefined} onClick={() => handle.canRedo && handle.redo()}>
              Redo
            </button>
          </div>
        )}
      </div>
      {view === "map" ? (
        <>
          {canvasProblem && (
            <p className="nhsuk-error-message" role="alert">
              {canvasProblem}
            </p>
          )}
          <p className="nhsuk-hint rt-map__how">
            {editable
              ? "Drag a person to move them. To connect two people, drag from the dot under one to another. Select someone and press Delete to remove them. Select a relationship and press Enter, or double-click its words, to change them. The list does all of this by keyboard."
              : "The list says the same in words."}
          </p>
          <Suspense fallback={<PageLoading label="Drawing the map…" />}>
            <MapCanvas doc={doc} handle={handle} editable={editable} awareness={awareness} me={me} onProblem={setCanvasProblem} />
          </Suspense>
        </>
      ) : (
        <MapListView doc={doc} handle={handle} editable={editable} />
      )}
    </section>
  );
}
