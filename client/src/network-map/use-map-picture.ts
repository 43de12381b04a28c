/**
 * The young person's picture on the open network map, shared by the drawn map and the list (one
 * copy, read once): read when the map opens and again whenever the server says it changed
 * (someone added, changed or removed it), or after a reconnect. Shown from a local copy as a data:
 * address, which the app's Content-Security-Policy already allows for pictures (a blob: one it
 * does not).
 */
import { readServerMessage } from "@roundtable/domain";
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ApiRequestError } from "../api/api";
import { getMapPicture } from "../api/map-picture-api";
import { useServerNews } from "../realtime/use-server-news";

export interface MapPictureState {
  documentId: string;
  /** The picture to show, or null when there is none (or it is still being read). */
  url: string | null;
  /** Whether the map's picture is still being read for the first time. */
  loading: boolean;
  /** Why the picture could not be read, in words. */
  problem: string | null;
  /** Read it again (after this person changed it). */
  reload(): void;
}

const readDocumentId = (message: unknown) => readServerMessage("map-picture:changed", message)?.documentId ?? null;

export function useMapPicture(documentId: string): MapPictureState {
  const [state, setState] = useState<{ url: string | null; loading: boolean; problem: string | null }>({ url: null, loading: true, problem: null });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useServerNews({ event: "map-picture:changed", read: readDocumentId, id: documentId, room: `document:${documentId}` }, reload);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is how reload() asks for it again.
  useEffect(() => {
    let current = true;
    getMapPicture(documentId)
      .then((picture) => (picture ? dataUrlOf(picture) : null))
      .then(
        (url) => {
          if (current) setState({ url, loading: false, problem: null });
        },
        (err: unknown) => {
          if (!current) return;
          const problem = err instanceof ApiRequestError ? err.message : "The picture could not be shown.";
          setState((before) => ({ ...before, loading: false, problem }));
        },
      );
    return () => {
      current = false;
    };
  }, [documentId, version]);

  return useMemo(() => ({ documentId, ...state, reload }), [documentId, state, reload]);
}

function dataUrlOf(picture: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(picture);
  });
}

/** The picture as the map's views share it: with whether this person may change it. */
export interface SharedMapPicture extends MapPictureState {
  mayChange: boolean;
}

export const MapPictureContext = createContext<SharedMapPicture | null>(null);

/** The open map's picture, for whatever is drawn inside NetworkMapEditor. */
export function useMapPictureOfMap(): SharedMapPicture | null {
  return useContext(MapPictureContext);
}
