/**
 * How far this person may go with a document right now: what the API said when the page
 * loaded, until the collab server says it has changed (then the editor re-opens with the new
 * access, or the page says access has gone).
 */
import type { AccessLevel } from "@roundtable/domain";
import { useCallback, useState } from "react";
import type { OpenAccess } from "../realtime/access-ending";

export function useOpenAccess(
  documentId: string,
  loadedAccess: AccessLevel | undefined,
): { access: AccessLevel | undefined; onAccessChanged(access: OpenAccess): void } {
  const [changedAccess, setChangedAccess] = useState<{ documentId: string; access: OpenAccess } | null>(null);
  const onAccessChanged = useCallback((access: OpenAccess) => setChangedAccess({ documentId, access }), [documentId]);
  const access = changedAccess?.documentId === documentId ? changedAccess.access : loadedAccess;
  return { access, onAccessChanged };
}
