/**
 * The live part of the care plan page: connection state, who is here, and the editor (or a
 * loading line until the plan is ready).
 */
import type { DocumentDetail } from "@roundtable/domain";
import { useEffect } from "react";
import { useMe, useSession } from "../auth/session-context";
import { PageLoading } from "../layout/PageLoading";
import type { OpenAccess } from "../realtime/collab-session";
import { connectionStates } from "../realtime/connection-state";
import { ConnectionStatus } from "../realtime/ConnectionStatus";
import { PresenceList } from "../realtime/PresenceList";
import { useCollabSession } from "../realtime/use-collab-session";
import { AccessEnded } from "./AccessEnded";
import { CarePlanEditor } from "./CarePlanEditor";

interface CarePlanWorkspaceProps {
  document: DocumentDetail;
  access: OpenAccess;
  onAccessChanged(access: OpenAccess): void;
  /** Id of the "you can read but not change" notice, when shown. */
  readOnlyNoticeId: string | null;
}

export function CarePlanWorkspace({ document, access, onAccessChanged, readOnlyNoticeId }: CarePlanWorkspaceProps) {
  const me = useMe();
  const { sessionEnded } = useSession();
  const { session, snapshot, connectionState } = useCollabSession(me.id, document.id, access);
  const ending = snapshot?.ending ?? null;

  useEffect(() => {
    if (ending?.kind === "signed-out") sessionEnded();
    if (ending?.kind === "access-changed") onAccessChanged(ending.access);
  }, [ending, sessionEnded, onAccessChanged]);

  if (ending?.kind === "access-withdrawn") {
    return (
      <>
        <ConnectionStatus state={connectionState} />
        <AccessEnded />
      </>
    );
  }

  const statusLine = <ConnectionStatus state={connectionState} />;
  const ready = session && snapshot?.ready;
  const cannotOpenYet = !ready && snapshot?.localCopyChecked === true && connectionState === connectionStates.offline;
  const describedBy = ["care-plan-editor-help", readOnlyNoticeId].filter(Boolean).join(" ");

  return (
    <div className="rt-workspace">
      <aside className="rt-workspace__side" aria-labelledby="who-is-here-heading">
        <PresenceList room={`document:${document.id}`} heading="Who is here" headingId="who-is-here-heading" />
      </aside>
      <div className="rt-workspace__main" aria-busy={!ready}>
        {ready ? (
          <CarePlanEditor
            session={session}
            me={me}
            caseName={document.caseName ?? document.meetingTitle ?? document.title}
            editable={access === "edit" && ending === null}
            statusLine={statusLine}
            describedBy={describedBy}
          />
        ) : (
          <>
            <div className="rt-editor__bar">{statusLine}</div>
            {cannotOpenYet ? (
              <p className="rt-workspace__waiting">
                This plan has not been opened on this device before, so it will open when you are back online. We will
                keep trying.
              </p>
            ) : (
              <PageLoading label="Opening the care plan…" />
            )}
          </>
        )}
        <p className="nhsuk-hint rt-editor__help" id="care-plan-editor-help">
          {access === "edit"
            ? "Changes are shared with everyone on the plan as you type. To leave the plan, press Escape."
            : "To leave the plan, press Escape."}
        </p>
      </div>
    </div>
  );
}
