/**
 * The always-visible line saying whether work is saved. Its text is exactly the state (tests
 * read it); the coloured marker comes from CSS so it adds nothing to what is announced. The line
 * itself is not a live region: a hidden one beside it says only changes of state
 * (`announcementFor`), not every save while someone types.
 */
import { useEffect, useRef, useState } from "react";
import { announcementFor, connectionStates, type ConnectionState } from "./connection-state";
import "./realtime.css";

const stateKeys = new Map<ConnectionState, string>(
  Object.entries(connectionStates).map(([key, text]) => [text as ConnectionState, key]),
);

export function ConnectionStatus({ state }: { state: ConnectionState }) {
  const lastSaid = useRef<ConnectionState | null>(null);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    const next = announcementFor(lastSaid.current, state);
    lastSaid.current = next.lastSaid;
    if (next.say) setAnnouncement(next.say);
  }, [state]);

  return (
    <>
      <p className="rt-connection" data-testid="connection-state" data-state={stateKeys.get(state)}>
        {state}
      </p>
      <p className="nhsuk-u-visually-hidden" role="status" data-testid="connection-announcement">
        {announcement}
      </p>
    </>
  );
}
