/**
 * A network map document, opened: the map's own bar (the connection line, Undo and Redo for this
 * person's own changes) and the map as a structured list (MapListView), which edits the same
 * shared document as everyone else's view, live.
 */
import type { ReactNode } from "react";
import type * as Y from "yjs";
import { getCaseAgencies } from "../api/api";
import { useResource } from "../api/use-resource";
import { MapListView } from "./MapListView";
import { useNetworkMap } from "./use-network-map";
import "./network-map.css";

interface NetworkMapEditorProps {
  doc: Y.Doc;
  /** The child the map is about: whose service's agencies it names. */
  caseId: string | null;
  editable: boolean;
  statusLine: ReactNode;
  describedBy: string;
}

export function NetworkMapEditor({ doc, caseId, editable, statusLine, describedBy }: NetworkMapEditorProps) {
  const handle = useNetworkMap(doc, editable);
  const agencies = useResource(() => (caseId ? getCaseAgencies(caseId) : Promise.resolve([])), `agencies:${caseId}`);
  return (
    <section className="rt-map" aria-label="Network map" aria-describedby={describedBy || undefined} data-testid="network-map-editor">
      <div className="rt-editor__bar rt-map__bar">
        {statusLine}
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
      <MapListView doc={doc} handle={handle} editable={editable} agencies={agencies.status === "loaded" ? agencies.data : []} />
    </section>
  );
}
