/**
 * Opens a document's collab session for as long as the screen shows it, and turns the
 * session's facts into the connection state to show, re-checking as time passes.
 */
import { useEffect, useState, useSyncExternalStore } from "react";
import { checkDocumentAccess } from "./access-check";
import type { OpenAccess } from "./access-ending";
import { CollabSession, type CollabSnapshot } from "./collab-session";
import { describeConnection, nextChangeAt, type ConnectionState } from "./connection-state";
import { onAccessRevoked } from "./presence-socket";

export interface OpenDocument {
  session: CollabSession | null;
  snapshot: CollabSnapshot | null;
  connectionState: ConnectionState;
}

const noSubscription = () => () => {};
const noSnapshot = () => null;

export function useCollabSession(personId: string, documentId: string, access: OpenAccess): OpenDocument {
  const [session, setSession] = useState<CollabSession | null>(null);

  useEffect(() => {
    const opened = new CollabSession({ personId, documentId, access, checkAccess: () => checkDocumentAccess(documentId) });
    setSession(opened);
    return () => {
      opened.destroy();
      setSession((current) => (current === opened ? null : current));
    };
  }, [personId, documentId, access]);

  // The page holds the document's room (its "Who is here" list, its comments): when the server
  // takes it out of the room, access has gone, and the editor closes as after a 4403.
  useEffect(() => {
    if (!session) return;
    return onAccessRevoked(`document:${documentId}`, () => session.accessRevoked());
  }, [session, documentId]);

  const snapshot = useSyncExternalStore(
    session ? session.subscribe : noSubscription,
    session ? session.getSnapshot : noSnapshot,
  );

  // The state can change with time alone ("Reconnecting" becomes "Offline" after 2 s).
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!snapshot) return;
    const at = nextChangeAt(snapshot.facts);
    if (at === null || now >= at) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, at - Date.now()));
    return () => clearTimeout(timer);
  }, [snapshot, now]);

  const connectionState: ConnectionState = snapshot
    ? describeConnection(snapshot.facts, Math.max(now, snapshot.facts.notLiveSince))
    : "Connecting…";
  return { session, snapshot, connectionState };
}
