/**
 * Whether the server has taken this page out of a room ("case:<id>" or "meeting:<id>") because
 * the person may no longer be in it: taken off the case, or the family stopped sharing with
 * their agency. A page that hears it stops showing the record and says why (layout/AccessEnded).
 * Documents hear it through their collab session instead (use-collab-session.ts).
 */
import { useEffect, useState } from "react";
import { onAccessRevoked } from "./presence-socket";

export function useAccessRevoked(room: string): boolean {
  const [revokedRoom, setRevokedRoom] = useState<string | null>(null);
  useEffect(() => onAccessRevoked(room, () => setRevokedRoom(room)), [room]);
  return revokedRoom === room;
}
